import { evidenceOf, finding } from '../helpers.ts';
import { defineRule } from '../define.ts';

export const bpStaticMacHa = defineRule({
  id: 'BP_STATIC_MAC_HA',
  category: 'best-practice',
  severity: 'warning',
  severityWhenUnsure: 'info',
  title: 'Network config bound to a MAC that changes on failover',
  needs: [['network', 'userContext', 'vmSettings']],
  evaluate(ctx) {
    const bound = ctx.facts.network?.value.macBound;
    const user = ctx.facts.userContext?.value;
    const hostDynamic = ctx.facts.vmSettings?.value.dynamicMac;
    if (user?.macType === 'static' || hostDynamic === false || user?.clustered === false) return 'pass';
    const clustered = user?.clustered;
    // An inventory says clustered with dynamic MACs, or the host's own settings show one, without the guest's config.
    if (bound === undefined && !(clustered === true && user?.macType === 'dynamic') && hostDynamic !== true) return 'skip';
    if (bound === false) return 'pass';
    const sure = clustered === true;
    return finding(ctx, {
      severity: sure ? 'warning' : 'info',
      detail: `${bound ? 'The guest ties its network configuration to a MAC address' : hostDynamic ? 'The VM uses a dynamic MAC address' : 'The VM uses dynamic MAC addresses in a cluster'}${sure ? ' and the VM is clustered' : ''}. After a failover or move a dynamic MAC changes, and the adapter comes up under a new name (eth1) without its configuration.${sure ? '' : ' This matters if the VM is clustered or replicated.'}`,
      fix: "Give the VM's network adapters static MAC addresses (Hyper-V Manager or Failover Cluster Manager), or remove the MAC binding (HWADDR=, ATTR{address}, macaddress:) from the guest configuration.",
      evidence: evidenceOf(ctx.facts.network, ctx.facts.userContext, ctx.facts.vmSettings),
    });
  },
});
