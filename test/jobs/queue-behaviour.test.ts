// One behavioural suite, two queues: BullMQ against the real Redis, and the in-process queue without Redis.
import { describeQueueBehaviour } from './behaviour.ts';

describeQueueBehaviour('bullmq');
describeQueueBehaviour('in-process');
