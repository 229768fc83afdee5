#!/bin/sh
# lis-collect.sh - read-only facts collector for Linux and FreeBSD guests on Hyper-V.
#
# Prints a plain-text report on stdout and nothing else: it writes no files (not even
# temporary ones, hence no here-documents and no sort), loads no modules, mounts
# nothing, starts or stops no service and opens no network connection.
# Must run under bash 3.2 (RHEL 5), dash, busybox ash and FreeBSD sh: POSIX sh only.
# shellcheck disable=SC2016
# (single-quoted ${...} and $n below are meant for awk, dpkg-query and rpm, not for sh)

COLLECTOR_VERSION=1.0.0
FORMAT=1
PATH=/usr/sbin:/usr/bin:/sbin:/bin:/usr/local/sbin:/usr/local/bin
export PATH
LC_ALL=C
export LC_ALL
REDACT=on
MODE=collect
MAXLINES=400
MAXCOL=1024
MAXBYTES=2000000
HVMODS='hv_vmbus hv_storvsc hv_netvsc hv_utils hv_balloon hid_hyperv hyperv_keyboard hyperv_fb hyperv_drm pci_hyperv hv_sock hv_timesource'

usage() {
  printf '%s\n' \
    'Usage: sh lis-collect.sh [--no-redact] [--help] > lischeck.txt' \
    '' \
    'Collects facts about this Linux/FreeBSD virtual machine for the Hyper-V guest check.' \
    'Read-only: writes nothing but stdout, loads no modules, uses no network.' \
    'Run it as root for complete results (dmidecode, KVP pool, kernel log).' \
    '' \
    '  --no-redact    keep host names, IP/MAC addresses and user names as they are' \
    '                 (credentials are removed regardless: passwords, tokens, keys, user:pass@)' \
    '  --redact-only  redact text read from stdin instead of collecting (to see what is hidden;' \
    '                 with --no-redact, only credentials are removed)' \
    '  --help         show this text'
}

for arg in "$@"; do
  case $arg in
    --no-redact) REDACT=off ;;
    --redact-only) MODE=redact-only ;;
    --help|-h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

have() { command -v "$1" >/dev/null 2>&1; }

# GNU coreutils and newer busybox take "timeout N cmd", older busybox "timeout -t N cmd".
TO=none
if timeout 5 true >/dev/null 2>&1; then TO=gnu
elif timeout -t 5 true >/dev/null 2>&1; then TO=busybox
fi

tmo() {
  tmo_s=$1; shift
  case $TO in
    gnu) timeout "$tmo_s" "$@" ;;
    busybox) timeout -t "$tmo_s" "$@" ;;
    *) "$@" ;;
  esac
}

# Probes that may take long are skipped when nothing can bound them.
slow() {
  if [ "$TO" = none ]; then echo 'skipped: no timeout command'; return 125; fi
  tmo "$@"
}

# Keeps the first lines and the last lines of a long listing.
headtail() {
  awk -v h="$1" -v t="$2" 'NR <= h { print; next }
    { buf[NR % t] = $0; last = NR }
    END {
      if (last <= h) exit
      s = last - t + 1; if (s <= h) s = h + 1
      if (s > h + 1) print "# omitted " (s - h - 1) " lines"
      for (i = s; i <= last; i++) print buf[i % t]
    }'
}

# Caps a section body. Body lines starting with ### are indented so that only real
# headers start with ###; the blank line sec() adds before the rc line is dropped.
capsec() {
  awk -v m="$MAXLINES" -v c="$MAXCOL" '
    /^# rc=[0-9]+$/ { for (i = 1; i < pend; i++) emit(""); pend = 0; print; next }
    $0 == "" { pend++; next }
    { for (i = 0; i < pend; i++) emit(""); pend = 0; emit($0) }
    function emit(l) {
      n++
      if (n > m) { if (n == m + 1) print "# truncated at " m " lines"; return }
      if (l ~ /^###/) l = " " l
      print substr(l, 1, c)
    }'
}

NSEC=0
# sec HEADER FUNCTION [ARGS]: prints the header, the capped output and the rc line.
sec() {
  NSEC=$((NSEC + 1))
  sec_h=$1; shift
  printf '### %s\n' "$sec_h"
  { "$@" </dev/null 2>&1; sec_rc=$?; printf '\n# rc=%s\n' "$sec_rc"; } | capsec
}

p_file() { cat "$1"; }
p_cmd() { tmo 15 "$@"; }

# ---------------------------------------------------------------- Linux probes

p_dmi_sysfs() {
  for k in sys_vendor product_name product_version bios_vendor bios_version bios_date chassis_asset_tag; do
    f=/sys/class/dmi/id/$k
    [ -r "$f" ] && printf '%s=%s\n' "$k" "$(cat "$f" 2>/dev/null)"
  done
  [ -d /sys/class/dmi/id ]
}

p_dmidecode() {
  tmo 15 dmidecode -t system -t bios -t chassis |
    grep -E '^[A-Za-z].*Information|Manufacturer:|Product Name:|Version:|Vendor:|Release Date:|Asset Tag:'
}

p_cpuinfo() {
  awk -F': ' '/^processor/ { n++ }
    /^model name/ && !m { m = 1; print "model_name=" $2 }
    /^flags/ && !f { f = 1
      print "flags_hypervisor=" (($0 ~ / hypervisor( |$)/) ? "yes" : "no")
      print "flags_pae=" (($0 ~ / pae( |$)/) ? "yes" : "no")
      print "flags_lm=" (($0 ~ / lm( |$)/) ? "yes" : "no") }
    END { print "processors=" n + 0 }' /proc/cpuinfo
  if have lscpu; then tmo 10 lscpu | grep -E '^(Hypervisor vendor|Virtualization type|NUMA node\(s\))'; fi
  true
}

p_meminfo() { grep -E '^(MemTotal|MemFree|MemAvailable|SwapTotal|HugePages_Total):' /proc/meminfo; }

p_lsmod() { if have lsmod; then lsmod; else cat /proc/modules; fi; }

p_modinfo() {
  for m in $HVMODS; do
    printf 'module: %s\n' "$m"
    tmo 10 modinfo "$m" 2>&1 | grep -E '^(filename|version|vermagic|srcversion|rhelversion|intree|name):|ERROR|not found'
  done
  true
}

p_sysmodule() {
  for m in $HVMODS; do
    [ -d "/sys/module/$m" ] || continue
    printf '%s version=%s srcversion=%s\n' "$m" "$(cat "/sys/module/$m/version" 2>/dev/null)" \
      "$(cat "/sys/module/$m/srcversion" 2>/dev/null)"
  done
  true
}

KCONF_PAT='^(# )?CONFIG_(HYPERV|HID_HYPERV|FB_HYPERV|DRM_HYPERV|PCI_HYPERV|MEMORY_HOTPLUG|X86_PAE|NUMA)[A-Z_]*( is not set|=)'
p_kconfig() {
  k=$(uname -r)
  if [ -r "/boot/config-$k" ]; then grep -E "$KCONF_PAT" "/boot/config-$k"
  elif [ -r /proc/config.gz ]; then gzip -dc /proc/config.gz | grep -E "$KCONF_PAT"
  else echo "no kernel config found for $k"
  fi
  if [ -r "/lib/modules/$k/modules.builtin" ]; then
    grep -E 'hv_|hyperv' "/lib/modules/$k/modules.builtin" | awk '{ print "modules.builtin: " $0 }'
  fi
  true
}

p_vmbus() {
  [ -d /sys/bus/vmbus/devices ] || { echo 'no /sys/bus/vmbus'; return 1; }
  for d in /sys/bus/vmbus/devices/*; do
    [ -e "$d" ] || continue
    drv=
    if [ -e "$d/driver" ]; then drv=$(basename "$(readlink "$d/driver" 2>/dev/null)" 2>/dev/null); fi
    ch=
    if [ -r "$d/channel_vp_mapping" ]; then ch=$(wc -l < "$d/channel_vp_mapping" | tr -d ' '); fi
    printf '%s class=%s driver=%s channels=%s\n' "${d##*/}" "$(cat "$d/class_id" 2>/dev/null)" "$drv" "$ch"
  done
}

DMESG_PAT='hyper-?v|hv_|vmbus|storvsc|netvsc|balloon|hyperv|kvp|vss|fcopy|clocksource|numa|mtrr|efi:|secure ?boot|ata_piix|tulip|de4x5|mlx[45]|disagrees about version|unknown symbol|soft lockup|hung_task|linux version|command line|hypervisor detected'
p_dmesg() {
  { tmo 15 dmesg 2>/dev/null || cat /var/log/dmesg 2>/dev/null || slow 20 journalctl -k -b --no-pager; } |
    grep -iE "$DMESG_PAT" | headtail 300 95
}

p_kvp_pool() { tr -s '\000' '\n' < "$1"; }

PKG_RPM_PAT='^(kmod-)?microsoft-hyper-v|hyperv|hyper-v|^kernel-([0-9]|PAE|uek|default|azure|core-[0-9])|walinuxagent|cloud-init|^NetworkManager-[0-9]|^tuned-[0-9]|^chrony-[0-9]|^ntp-[0-9]|-release-[0-9]|^kexec-tools|^dracut-[0-9]'
p_packages() {
  found=no
  if have rpm; then
    found=yes
    tmo 60 rpm -qa --qf '%{NAME}-%{VERSION}-%{RELEASE}.%{ARCH}\n' | grep -iE "$PKG_RPM_PAT"
  fi
  if have dpkg-query; then
    found=yes
    tmo 30 dpkg-query -W -f='${Status} ${Package} ${Version}\n' 'linux-image-*' 'linux-cloud-tools*' \
      'linux-tools*' 'linux-virtual*' 'linux-azure*' 'linux-generic*' 'hv-kvp-daemon-init' 'hyperv-daemons' \
      'walinuxagent' 'cloud-init' 'chrony' 'ntp' 'network-manager' 'kdump-tools' 2>/dev/null |
      awk '$3 == "installed" { print "ii  " $4 " " $5 }'
  fi
  [ "$found" = yes ]
}

p_lisfiles() {
  k=$(uname -r)
  for p in "/lib/modules/$k/extra/microsoft-hyper-v" "/lib/modules/$k/weak-updates/microsoft-hyper-v" \
    /etc/modprobe.d/hyperv_pvdrivers.conf /etc/depmod.d/hyperv.conf /etc/udev/rules.d/100-balloon.rules \
    /sbin/lsvmbus /usr/sbin/lsvmbus /usr/sbin/hv_kvp_daemon /usr/sbin/hv_vss_daemon /usr/sbin/hv_fcopy_daemon \
    /usr/sbin/hypervkvpd /usr/sbin/hypervvssd /usr/sbin/hypervfcopyd \
    "/usr/lib/linux-tools/$k/hv_kvp_daemon" "/usr/lib/linux-tools/$k/hv_vss_daemon" \
    "/usr/lib/linux-tools/$k/hv_fcopy_daemon" /opt/files /var/lib/waagent /etc/waagent.conf; do
    if [ -e "$p" ]; then echo "present $p"; else echo "absent $p"; fi
  done
  for d in "/lib/modules/$k/extra/microsoft-hyper-v" "/lib/modules/$k/weak-updates/microsoft-hyper-v" "/lib/modules/$k/extra"; do
    [ -d "$d" ] || continue
    for f in "$d"/*.ko; do [ -e "$f" ] && echo "module-file $f"; done
  done
  true
}

# Lists hv driver names inside the initramfs of the running kernel by scanning the
# decompressed archive as a stream: no unpacking, no temporary files.
initrd_stream() { if [ "$2" = yes ]; then /usr/lib/dracut/skipcpio "$1" 2>/dev/null; else cat "$1"; fi; }
decompress() {
  case $1 in
    gzip) slow 60 gzip -dc 2>/dev/null ;;
    xz) slow 60 xz -dc 2>/dev/null ;;
    zstd) slow 60 zstd -dc 2>/dev/null ;;
    *) cat ;;
  esac
}

p_initrd() {
  k=$(uname -r)
  img=
  for f in "/boot/initramfs-$k.img" "/boot/initrd-$k.img" "/boot/initrd.img-$k" "/boot/initrd-$k"; do
    if [ -r "$f" ]; then img=$f; break; fi
  done
  [ -n "$img" ] || { echo "no initramfs found for $k"; return 1; }
  echo "image=$img"
  skipper=no
  magic=$(od -An -tx1 -N6 "$img" 2>/dev/null | tr -d ' \n')
  case $magic in
    303730373031*|303730373032*)
      [ -x /usr/lib/dracut/skipcpio ] || { echo 'early cpio without skipcpio'; return 1; }
      skipper=yes
      magic=$(/usr/lib/dracut/skipcpio "$img" 2>/dev/null | od -An -tx1 -N6 | tr -d ' \n') ;;
  esac
  case $magic in
    1f8b*) dec=gzip ;;
    fd377a585a00) dec=xz ;;
    28b52ffd*) dec=zstd ;;
    303730373031*|303730373032*) dec=none ;;
    *) echo "unknown compression $magic"; return 1 ;;
  esac
  initrd_stream "$img" "$skipper" | decompress "$dec" | tr -c 'A-Za-z0-9_./-' '\n' |
    grep -E '(hv_[a-z_]+|hyperv[a-z_]*|hid[-_]hyperv)\.ko' | awk '!seen[$0]++' | headtail 40 10
}

p_ps_linux() {
  cat /proc/[0-9]*/stat 2>/dev/null | awk '{ gsub(/[()]/, "", $2); print $1, $2 }' |
    grep -E ' (hv_|hv-|hyperv|chronyd|ntpd|systemd-timesyn|NetworkManager|waagent|kdump)'
}

UNIT_PAT='hv|hyperv|chrony|ntp|timesync|networkmanager|fstrim|kdump|waagent|tuned'
p_services() {
  if have systemctl && [ -d /run/systemd/system ]; then
    tmo 15 systemctl list-unit-files --no-pager --no-legend 2>/dev/null | grep -iE "$UNIT_PAT" |
      awk '{ print "unit-file: " $1 " " $2 }' | while read -r _ u _; do
        printf 'unit-file: %s %s\n' "$u" "$(tmo 5 systemctl is-enabled "$u" 2>/dev/null)"
        case $u in
          *@*) ;;
          *) printf 'unit-active: %s %s\n' "$u" "$(tmo 5 systemctl is-active "$u" 2>/dev/null)" ;;
        esac
      done
  fi
  if have chkconfig; then tmo 10 chkconfig --list 2>/dev/null | grep -iE "$UNIT_PAT" | awk '{ print "chkconfig: " $0 }'; fi
  if have initctl; then tmo 10 initctl list 2>/dev/null | grep -iE "$UNIT_PAT" | awk '{ print "upstart: " $0 }'; fi
  for f in /etc/init.d/* /etc/init/*.conf; do
    [ -e "$f" ] || continue
    case ${f##*/} in *hv*|*hyperv*|*chrony*|*ntp*|*kdump*) echo "init-script: $f" ;; esac
  done
  true
}

p_memhotplug() {
  m=/sys/devices/system/memory
  printf 'block_size_bytes=%s\n' "$(cat "$m/block_size_bytes" 2>/dev/null)"
  printf 'auto_online_blocks=%s\n' "$(cat "$m/auto_online_blocks" 2>/dev/null)"
  printf 'states: %s\n' "$(cat "$m"/memory*/state 2>/dev/null | awk '{ c[$1]++ } END { for (k in c) printf "%s=%d ", k, c[k] }')"
  for d in /etc/udev/rules.d /lib/udev/rules.d /usr/lib/udev/rules.d; do
    [ -d "$d" ] || continue
    for f in "$d"/*.rules; do
      [ -r "$f" ] || continue
      grep 'SUBSYSTEM=="memory"' "$f" 2>/dev/null | awk -v f="$f" '{ print "udev memory rule: " f ": " $0 }'
    done
  done
  true
}

p_numa() {
  n=0
  for d in /sys/devices/system/node/node[0-9]*; do [ -d "$d" ] && n=$((n + 1)); done
  echo "nodes=$n"
}

p_firmware() {
  if [ -d /sys/firmware/efi ]; then echo boot=uefi; else echo boot=bios; fi
  sb=unknown
  for f in /sys/firmware/efi/efivars/SecureBoot-* /sys/firmware/efi/vars/SecureBoot-*/data; do
    [ -r "$f" ] || continue
    v=$(od -An -tu1 "$f" 2>/dev/null | awk '{ for (i = 1; i <= NF; i++) last = $i } END { print last }')
    case $v in 1) sb=enabled ;; 0) sb=disabled ;; esac
  done
  echo "secure_boot=$sb"
  if have mokutil; then tmo 10 mokutil --sb-state 2>&1 | awk '{ print "mokutil: " $0 }'; fi
  true
}

p_sched() {
  for f in /sys/block/*/queue/scheduler; do
    case $f in */loop*|*/ram*|*/zram*|*/sr*) continue ;; esac
    [ -r "$f" ] && printf '%s: %s\n' "$f" "$(cat "$f")"
  done
  true
}

p_blockdev() {
  for d in /sys/block/*; do
    n=${d##*/}
    case $n in loop*|ram*|zram*) continue ;; esac
    printf '%s vendor=%s model=%s rotational=%s\n' "$n" "$(tr -s ' ' 2>/dev/null < "$d/device/vendor")" \
      "$(tr -s ' ' 2>/dev/null < "$d/device/model")" "$(cat "$d/queue/rotational" 2>/dev/null)"
  done
  for h in /sys/class/scsi_host/host*; do
    [ -r "$h/proc_name" ] && printf 'scsi_host %s proc_name=%s\n' "${h##*/}" "$(cat "$h/proc_name")"
  done
  true
}

p_discard() {
  for f in /sys/block/*/queue/discard_max_bytes; do
    case $f in */loop*|*/ram*|*/zram*) continue ;; esac
    [ -r "$f" ] && printf '%s: %s\n' "$f" "$(cat "$f")"
  done
  if have systemctl && [ -d /run/systemd/system ]; then
    printf 'fstrim.timer enabled=%s active=%s\n' "$(tmo 5 systemctl is-enabled fstrim.timer 2>/dev/null)" \
      "$(tmo 5 systemctl is-active fstrim.timer 2>/dev/null)"
  fi
  for f in /etc/cron.weekly/fstrim /etc/cron.weekly/util-linux-fstrim /etc/cron.d/fstrim; do
    [ -e "$f" ] && echo "cron $f"
  done
  true
}

# New in issue 15: facts the rules need in full (GRUB timeout, iSCSI/FC sessions, automatic updates, fstrim cron lines).
p_grub_timeout() {
  for f in /etc/default/grub /boot/grub2/grub.cfg /boot/grub/grub.cfg /boot/grub/grub.conf /boot/efi/EFI/*/grub.cfg /boot/efi/EFI/*/grub.conf; do
    [ -r "$f" ] || continue
    grep -E '^[[:space:]]*(GRUB_TIMEOUT=|set timeout=|timeout=)' "$f" | awk -v f="$f" '{ sub(/^[ \t]+/, ""); print f ": " $0 }'
  done
  true
}

p_iscsi() {
  for d in /sys/class/iscsi_session /sys/class/fc_host; do
    if [ -d "$d" ]; then echo "$d/:"; ls "$d"; else echo "absent $d/"; fi
  done
  true
}

p_update_services() {
  if have systemctl && [ -d /run/systemd/system ]; then
    for u in yum-cron.service dnf-automatic.timer dnf-automatic-install.timer unattended-upgrades.service apt-daily-upgrade.timer; do
      printf 'unit-file: %s %s\n' "$u" "$(tmo 5 systemctl is-enabled "$u" 2>/dev/null)"
      printf 'unit-active: %s %s\n' "$u" "$(tmo 5 systemctl is-active "$u" 2>/dev/null)"
    done
  fi
  p_grepfiles '^[[:space:]]*apply_updates' /etc/yum/yum-cron.conf /etc/dnf/automatic.conf
  p_grepfiles 'Unattended-Upgrade' /etc/apt/apt.conf.d/20auto-upgrades
}

p_cron_fstrim() {
  p_grepfiles 'fstrim' /etc/crontab /etc/cron.d/* /var/spool/cron/root /var/spool/cron/crontabs/root
}

# Credentials in mount options never leave the VM, redaction or not.
scrub_creds() {
  sed -e 's/username=[^,[:space:]]*/username=<scrubbed>/g' -e 's/user=[^,[:space:]]*/user=<scrubbed>/g' \
    -e 's/password=[^,[:space:]]*/password=<scrubbed>/g' -e 's/pass=[^,[:space:]]*/pass=<scrubbed>/g' \
    -e 's/credentials=[^,[:space:]]*/credentials=<scrubbed>/g'
}

p_fstab() { grep -vE '^[[:space:]]*(#|$)' /etc/fstab | scrub_creds; }

p_mounts() {
  grep -vE '^[^ ]+ [^ ]+ (proc|sysfs|tmpfs|devtmpfs|devpts|cgroup2?|securityfs|pstore|debugfs|tracefs|mqueue|hugetlbfs|configfs|fusectl|binfmt_misc|autofs|rpc_pipefs|bpf|selinuxfs|efivarfs|nsfs|ramfs|squashfs|overlay|usbfs) ' /proc/mounts |
    scrub_creds
}

p_net() {
  for n in /sys/class/net/*; do
    i=${n##*/}
    [ "$i" = lo ] && continue
    drv=
    if [ -e "$n/device/driver" ]; then drv=$(basename "$(readlink "$n/device/driver" 2>/dev/null)" 2>/dev/null); fi
    q=0
    for r in "$n"/queues/rx-*; do [ -e "$r" ] && q=$((q + 1)); done
    printf '%s driver=%s mac=%s mtu=%s queues=%s operstate=%s\n' "$i" "$drv" "$(cat "$n/address" 2>/dev/null)" \
      "$(cat "$n/mtu" 2>/dev/null)" "$q" "$(cat "$n/operstate" 2>/dev/null)"
  done
}

p_grepfiles() { # p_grepfiles PATTERN FILE...: matching lines prefixed with the file name
  gp=$1; shift
  for f in "$@"; do
    [ -r "$f" ] || continue
    grep -E "$gp" "$f" | awk -v f="${f##*/}" '{ print f ": " $0 }'
  done
  true
}

p_nm() {
  if have systemctl && [ -d /run/systemd/system ]; then
    printf 'NetworkManager active=%s\n' "$(tmo 5 systemctl is-active NetworkManager 2>/dev/null)"
  fi
  if have nmcli; then tmo 10 nmcli -t -f DEVICE,TYPE,STATE dev 2>/dev/null | awk '{ print "nmcli: " $0 }'; fi
  true
}

p_clock() {
  c=/sys/devices/system/clocksource/clocksource0
  printf 'current=%s\n' "$(cat "$c/current_clocksource" 2>/dev/null)"
  printf 'available=%s\n' "$(cat "$c/available_clocksource" 2>/dev/null)"
  for p in /sys/class/ptp/ptp*; do
    [ -r "$p/clock_name" ] && printf '%s clock_name=%s\n' "${p##*/}" "$(cat "$p/clock_name")"
  done
  [ -e /dev/ptp_hyperv ] && echo 'ptp_hyperv=present'
  # Time server names stay in the VM: only counts and refclock lines are printed.
  for f in /etc/chrony.conf /etc/chrony/chrony.conf /etc/ntp.conf; do
    [ -r "$f" ] || continue
    awk -v f="$f" '$1 == "refclock" { print f ": " $0 }
      $1 == "server" || $1 == "pool" || $1 == "peer" { n[$1]++ }
      END { for (k in n) print f ": " k "_count=" n[k] }' "$f"
  done
  true
}

p_kdump() {
  tr ' ' '\n' < /proc/cmdline | grep '^crashkernel='
  printf 'kexec_crash_size=%s\n' "$(cat /sys/kernel/kexec_crash_size 2>/dev/null)"
  printf 'kexec_crash_loaded=%s\n' "$(cat /sys/kernel/kexec_crash_loaded 2>/dev/null)"
}

LOG_PAT='hv_balloon|hot.add|hv_vmbus|KVP|VSS|Hyper-V|hv_kvp_daemon|hv_vss_daemon|hv_fcopy|hypervkvpd|hypervvssd|storvsc|netvsc|disagrees about version|Unknown symbol|soft lockup|hung_task|MTRRs|clocksource'
p_logs() {
  for f in /var/log/messages /var/log/syslog; do
    if [ -r "$f" ]; then
      echo "source=$f"
      tail -n 5000 "$f" | grep -E "$LOG_PAT" | headtail 100 100
      return 0
    fi
  done
  if have journalctl; then
    echo 'source=journal'
    slow 20 journalctl -b --no-pager -n 5000 | grep -E "$LOG_PAT" | headtail 100 100
  fi
}

linux_sections() {
  sec 'uname -a' uname -a
  for f in /etc/os-release /etc/redhat-release /etc/centos-release /etc/oracle-release /etc/SuSE-release \
    /etc/lsb-release /etc/debian_version; do
    if [ -r "$f" ]; then sec "cat $f" p_file "$f"; fi
  done
  if have systemd-detect-virt; then sec 'systemd-detect-virt' p_cmd systemd-detect-virt; fi
  if [ "$UID0" = 0 ] && have virt-what; then sec 'virt-what' p_cmd virt-what; fi
  sec 'dmi-id' p_dmi_sysfs
  if [ "$UID0" = 0 ] && have dmidecode; then sec 'dmidecode -t system -t bios -t chassis' p_dmidecode; fi
  sec 'cpuinfo (summary)' p_cpuinfo
  sec 'cat /proc/cmdline' p_file /proc/cmdline
  sec 'meminfo (summary)' p_meminfo
  sec 'uptime' p_file /proc/uptime
  sec 'lsmod' p_lsmod
  if have modinfo; then sec "modinfo $HVMODS (filtered)" p_modinfo; fi
  sec 'sys-module (hv)' p_sysmodule
  sec 'kernel config (Hyper-V)' p_kconfig
  sec 'vmbus-devices' p_vmbus
  if have lsvmbus; then sec 'lsvmbus -vv' slow 20 lsvmbus -vv; fi
  sec 'dmesg (filtered)' p_dmesg
  if [ -e /var/lib/hyperv/.kvp_pool_3 ]; then
    sec "tr -s '\\000' '\\n' < /var/lib/hyperv/.kvp_pool_3" p_kvp_pool /var/lib/hyperv/.kvp_pool_3
  fi
  sec 'ls -ln /var/lib/hyperv' p_cmd ls -ln /var/lib/hyperv
  sec 'ls -l /dev/vmbus' p_cmd ls -l /dev/vmbus
  sec 'packages (filtered)' p_packages
  sec 'lis-files' p_lisfiles
  sec 'initramfs (hv drivers)' p_initrd
  sec 'ps (hv daemons)' p_ps_linux
  sec 'services (hv daemons)' p_services
  sec 'memory hotplug' p_memhotplug
  sec 'numa nodes' p_numa
  sec 'firmware' p_firmware
  if have lspci; then sec 'lspci -nn' p_cmd lspci -nn; fi
  sec 'io schedulers' p_sched
  sec 'block devices' p_blockdev
  sec 'discard' p_discard
  sec 'cron (fstrim)' p_cron_fstrim
  sec 'grub timeout' p_grub_timeout
  sec 'iscsi sessions' p_iscsi
  sec 'update services' p_update_services
  if [ -r /etc/fstab ]; then sec 'cat /etc/fstab (scrubbed)' p_fstab; fi
  sec 'mounts (filtered)' p_mounts
  sec 'net interfaces' p_net
  if [ -r /etc/udev/rules.d/70-persistent-net.rules ]; then
    sec 'cat /etc/udev/rules.d/70-persistent-net.rules' p_grepfiles '^[^#]' /etc/udev/rules.d/70-persistent-net.rules
  fi
  sec 'ifcfg (whitelisted keys)' p_grepfiles '^(DEVICE|NAME|HWADDR|MACADDR|BOOTPROTO|NM_CONTROLLED|ONBOOT|TYPE|STARTMODE|IPADDR[0-9]*)=' \
    /etc/sysconfig/network-scripts/ifcfg-* /etc/sysconfig/network/ifcfg-*
  sec 'interfaces (whitelisted keys)' p_grepfiles '^[[:space:]]*(auto|allow-hotplug|iface|hwaddress)' /etc/network/interfaces
  sec 'netplan (whitelisted keys)' p_grepfiles 'macaddress|set-name|match:|renderer|dhcp4|ethernets' /etc/netplan/*.yaml
  sec 'NetworkManager' p_nm
  if have tuned-adm; then sec 'tuned-adm active' p_cmd tuned-adm active; fi
  sec 'clocksource' p_clock
  sec 'kdump' p_kdump
  sec 'logs (filtered)' p_logs
}

# -------------------------------------------------------------- FreeBSD probes

p_bsd_kenv() {
  for k in smbios.system.maker smbios.system.product smbios.system.version smbios.bios.vendor \
    smbios.bios.version smbios.bios.reldate smbios.chassis.tag; do
    printf '%s=%s\n' "$k" "$(kenv "$k" 2>/dev/null)"
  done
}

p_bsd_dmesg() {
  if [ -r /var/run/dmesg.boot ]; then grep -iE "$DMESG_PAT|hn[0-9]|Timecounter" /var/run/dmesg.boot | headtail 300 95
  else tmo 15 dmesg | grep -iE "$DMESG_PAT|hn[0-9]|Timecounter" | headtail 300 95
  fi
}

p_bsd_kldstat() {
  tmo 10 kldstat
  tmo 10 kldstat -v | grep -iE 'vmbus|hyperv|hv_|if_hn|storvsc' | awk '{ print "module: " $0 }'
  true
}

# /usr/sbin/pkg is only a bootstrapper that offers to download pkg: use the real one or nothing.
p_bsd_pkg() {
  [ -x /usr/local/sbin/pkg ] || { echo 'pkg not installed'; return 1; }
  tmo 30 /usr/local/sbin/pkg info -x hyperv
}

p_bsd_ps() { tmo 10 ps -ax -o pid= -o comm= | grep -E 'hv_|hyperv|ntpd|chronyd'; }

p_bsd_services() {
  tmo 15 service -e 2>/dev/null | grep -iE 'hv_|hyperv|ntpd|chronyd' | awk '{ print "enabled: " $0 }'
  for f in /usr/sbin/hv_kvp_daemon /usr/sbin/hv_vss_daemon; do
    if [ -e "$f" ]; then echo "present $f"; else echo "absent $f"; fi
  done
  true
}

p_bsd_sysctl_net() {
  tmo 10 sysctl dev.hn 2>/dev/null | grep -E '%desc|%driver|channel|ring_cnt|caps' | headtail 60 10
  tmo 10 sysctl hw.vmbus hw.hn 2>/dev/null | headtail 40 10
  true
}

freebsd_sections() {
  sec 'uname -a' uname -a
  sec 'freebsd-version -ku' p_cmd freebsd-version -ku
  sec 'sysctl kern.vm_guest' p_cmd sysctl -n kern.vm_guest
  sec 'kenv smbios' p_bsd_kenv
  sec 'sysctl hw.ncpu hw.physmem' p_cmd sysctl hw.ncpu hw.physmem
  sec 'sysctl machdep.bootmethod' p_cmd sysctl -n machdep.bootmethod
  sec 'dmesg.boot (filtered)' p_bsd_dmesg
  sec 'kldstat' p_bsd_kldstat
  sec 'pkg info -x hyperv' p_bsd_pkg
  sec 'ps (hv daemons)' p_bsd_ps
  sec 'services (hv daemons)' p_bsd_services
  sec 'rc.conf (filtered)' p_grepfiles 'hv_|hyperv|ntpd|ifconfig_|fsck|growfs' /etc/rc.conf
  if [ -r /boot/loader.conf ]; then sec 'cat /boot/loader.conf' p_grepfiles '^[^#]' /boot/loader.conf; fi
  if [ -e /var/db/hyperv/pool/.kvp_pool_3 ]; then
    sec "tr -s '\\000' '\\n' < /var/db/hyperv/pool/.kvp_pool_3" p_kvp_pool /var/db/hyperv/pool/.kvp_pool_3
  fi
  sec 'ls -ln /var/db/hyperv/pool' p_cmd ls -ln /var/db/hyperv/pool
  if [ -r /etc/fstab ]; then sec 'cat /etc/fstab (scrubbed)' p_fstab; fi
  sec 'mount -p' p_cmd mount -p
  if have camcontrol; then sec 'camcontrol devlist' p_cmd camcontrol devlist; fi
  sec 'ifconfig -a' p_cmd ifconfig -a
  sec 'sysctl dev.hn hw.vmbus (filtered)' p_bsd_sysctl_net
  sec 'sysctl kern.timecounter.hardware' p_cmd sysctl -n kern.timecounter.hardware
}

# -------------------------------------------------------------------- redaction

# Host names become host-<4 hex> (same name, same token); IPv4 addresses map into
# 10.230.0.0/16 and IPv6 into 2001:db8::/32 consistently; MAC addresses keep their OUI
# (00:15:5d marks Hyper-V's dynamic pool); /home/<name> becomes /home/userN; KVP values
# naming the host or the VM become <redacted>. Headers and rc lines are left alone.
redact_filter() {
  awk -v n1="$RN1" -v t1="$RT1" -v n2="$RN2" -v t2="$RT2" -v n3="$RN3" -v t3="$RT3" '
    function wordch(ch) { return ch ~ /[A-Za-z0-9_-]/ }
    function rname(s, name, tok,   out, p, pre, post, L) {
      if (name == "") return s
      L = length(name); out = ""
      while ((p = index(s, name)) > 0) {
        pre = (p > 1) ? substr(s, p - 1, 1) : substr(out, length(out), 1)
        post = substr(s, p + L, 1)
        if (!wordch(pre) && !wordch(post)) out = out substr(s, 1, p - 1) tok
        else out = out substr(s, 1, p - 1 + L)
        s = substr(s, p + L)
      }
      return out s
    }
    function ip4ok(m,   o, i) {
      if (split(m, o, ".") != 4) return 0
      for (i = 1; i <= 4; i++) if (length(o[i]) > 3 || o[i] + 0 > 255) return 0
      if (o[1] == 127 || o[1] == 255 || m == "0.0.0.0" || (o[1] == 169 && o[2] == 254)) return 0
      return 1
    }
    function red4(s,   out, m, pre, post, post2, st, L) {
      out = ""
      while (match(s, /[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+/)) {
        st = RSTART; L = RLENGTH; m = substr(s, st, L)
        pre = (st > 1) ? substr(s, st - 1, 1) : substr(out, length(out), 1)
        post = substr(s, st + L, 1); post2 = substr(s, st + L + 1, 1)
        out = out substr(s, 1, st - 1)
        if (ip4ok(m) && pre !~ /[A-Za-z0-9_.-]/ && post !~ /[A-Za-z0-9_]/ && !(post == "." && post2 ~ /[0-9]/)) {
          if (!(m in ip4)) { n4++; ip4[m] = "10.230." int(n4 / 250) "." (n4 % 250 + 1) }
          out = out ip4[m]
        } else out = out m
        s = substr(s, st + L)
      }
      return out s
    }
    function red6(s,   out, m, lm, pre, post, st, L, nc, t) {
      out = ""
      while (match(s, /[0-9A-Fa-f:]*:[0-9A-Fa-f:]*/)) {
        st = RSTART; L = RLENGTH; m = substr(s, st, L); lm = tolower(m)
        pre = (st > 1) ? substr(s, st - 1, 1) : substr(out, length(out), 1)
        post = substr(s, st + L, 1)
        out = out substr(s, 1, st - 1)
        t = lm; nc = gsub(/:/, ":", t)
        if ((index(lm, "::") > 0 || nc == 7) && index(lm, ":::") == 0 && lm ~ /[0-9a-f]/ \
            && lm != "::1" && lm !~ /^ff0/ && pre !~ /[A-Za-z0-9_.]/ && post !~ /[A-Za-z0-9_.]/) {
          if (!(lm in ip6)) { n6++; ip6[lm] = ((lm ~ /^fe80:/) ? "fe80::ffff:" : "2001:db8::") sprintf("%x", n6) }
          out = out ip6[lm]
        } else out = out m
        s = substr(s, st + L)
      }
      return out s
    }
    function redmac(s,   out, m, lm, pre, post, st, L) {
      out = ""
      while (match(s, /[0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]:[0-9A-Fa-f][0-9A-Fa-f]/)) {
        st = RSTART; L = RLENGTH; m = substr(s, st, L); lm = tolower(m)
        pre = (st > 1) ? substr(s, st - 1, 1) : substr(out, length(out), 1)
        post = substr(s, st + L, 1)
        out = out substr(s, 1, st - 1)
        if (pre !~ /[0-9A-Fa-f:]/ && post !~ /[0-9A-Fa-f:]/ && lm != "ff:ff:ff:ff:ff:ff" && lm != "00:00:00:00:00:00") {
          if (!(lm in macs)) { nm++; macs[lm] = substr(lm, 1, 9) "xx:" sprintf("%02x:%02x", int(nm / 256) % 256, nm % 256) }
          out = out macs[lm]
        } else out = out m
        s = substr(s, st + L)
      }
      return out s
    }
    function redhome(s,   out, u, st, L) {
      out = ""
      while (match(s, HOMERE)) {
        st = RSTART; L = RLENGTH; u = substr(s, st + 6, L - 6)
        if (!(u in users)) { nu++; users[u] = "user" nu }
        out = out substr(s, 1, st - 1) "/home/" users[u]
        s = substr(s, st + L)
      }
      return out s
    }
    function redopt(s,   out, m) {
      out = ""
      while (match(s, /(password|passwd|pass|credentials|username|user|secret|token)=[^,; \t]+/)) {
        m = substr(s, RSTART, RLENGTH)
        out = out substr(s, 1, RSTART - 1) substr(m, 1, index(m, "=")) "<redacted>"
        s = substr(s, RSTART + RLENGTH)
      }
      return out s
    }
    BEGIN {
      HOMERE = "/home/[^/ \t:\"\047=,;)]+"
      KVPSECRET = "^(HostName|PhysicalHostName|PhysicalHostNameFullyQualified|VirtualMachineName|VirtualMachineId)$"
    }
    /^### / { sect = substr($0, 5); kvpnext = 0; print; next }
    /^# rc=[0-9]+$/ { print; next }
    {
      line = $0
      if (sect ~ /kvp_pool/) {
        if (kvpnext && line !~ /^(Hosting|Physical|Host|VirtualMachine)[A-Za-z]*$/) { kvpnext = 0; print "<redacted>"; next }
        kvpnext = (line ~ KVPSECRET || line ~ /[Pp]assword|[Ss]ecret|[Tt]oken/)
      }
      if (line ~ /^[ \t]*(Serial Number|UUID):/) sub(/:.*/, ": <redacted>", line)
      if (sect != "lischeck-meta" && sect !~ /^cat \/etc\/.*(release|version)$/) {
        line = rname(line, n1, t1); line = rname(line, n2, t2); line = rname(line, n3, t3)
      }
      line = redmac(line); line = red4(line); line = red6(line); line = redhome(line); line = redopt(line)
      print line
    }'
}

# Credentials never leave the VM, redaction or not, wherever they appear: the kernel command line
# (/proc/cmdline, dmesg "Command line:", GRUB settings), mount options, configuration files. The
# user:password@ of URLs and iSCSI/NFS roots (netroot=iscsi:user:pass@host) goes, and so does the
# value of every key=value whose key holds pass, pwd, secret, token, credential or private, or ends
# in key, auth, user, username or login (rd.iscsi.password=, api_key=, token=).
scrub_secrets() {
  awk '
    function secretkey(k,   last) {
      k = tolower(k); last = k; sub(/.*[._-]/, "", last)
      return k ~ /pass|pwd|secret|token|credential|private/ || last ~ /^(key|apikey|auth|user|username|login)$/
    }
    function userinfo(s,   out, m, p, pre) {
      out = ""
      while (match(s, USERINFO)) {
        m = substr(s, RSTART, RLENGTH); p = index(m, ":"); pre = substr(m, 1, p)
        if (substr(m, p + 1, 2) == "//") pre = pre "//"
        out = out substr(s, 1, RSTART - 1) pre "<scrubbed>@"
        s = substr(s, RSTART + RLENGTH)
      }
      return out s
    }
    function keyvalues(s,   out, m, eq, q) {
      out = ""
      while (match(s, KEYVALUE)) {
        m = substr(s, RSTART, RLENGTH); eq = index(m, "=")
        if (secretkey(substr(m, 1, eq - 1))) {
          q = substr(m, eq + 1, 1)
          if (q != "\"" && q != "\047") q = ""
          out = out substr(s, 1, RSTART - 1) substr(m, 1, eq) q "<scrubbed>" q
          s = substr(s, RSTART + RLENGTH)
        } else {
          # Not a secret: step past "key=" only, so pairs inside a quoted value are looked at too.
          out = out substr(s, 1, RSTART - 1 + eq)
          s = substr(s, RSTART + eq)
        }
      }
      return out s
    }
    function colonvalue(s,   k) {
      # "password: x" and "\"token\": \"x\"" (YAML, JSON, INI-like files)
      if (match(s, COLONVALUE)) {
        k = substr(s, RSTART, RLENGTH); sub(/[ \t]*:.*/, "", k); gsub(/["\047]/, "", k)
        if (secretkey(k)) s = substr(s, 1, RSTART - 1) substr(s, RSTART, index(substr(s, RSTART), ":")) " <scrubbed>"
      }
      return s
    }
    BEGIN {
      USERINFO = "[A-Za-z][A-Za-z0-9+.-]*:(//)?[^@ \t\"\047,;/=]*:[^@ \t\"\047]*@"
      KEYVALUE = "[A-Za-z0-9_.-]+=(\"[^\"]*\"|\047[^\047]*\047|[^ \t,;\"\047]*)"
      COLONVALUE = "^[ \t]*[\"\047]?[A-Za-z0-9_.-]+[\"\047]?[ \t]*:[ \t]*[^ \t]"
    }
    /^### / || /^# rc=[0-9]+$/ { print; next }
    { print colonvalue(keyvalues(userinfo($0))) }'
}

token_for() { printf '%s' "$1" | cksum | awk '{ printf "host-%04x", $1 % 65536 }'; }

usable_name() {
  case $1 in ''|localhost|localhost.localdomain|'(none)'|'(unknown)') return 1 ;; esac
  return 0
}

# ------------------------------------------------------------------------- main

UID0=$(id -u 2>/dev/null)
START=$(date +%s 2>/dev/null)
OSTYPE=$(uname -s 2>/dev/null)
HN=$(uname -n 2>/dev/null)
RN1='' RT1='' RN2='' RT2='' RN3='' RT3=''
if usable_name "$HN"; then RN1=$HN; RT1=$(token_for "$HN"); fi
SHORT=${HN%%.*}
if [ "$SHORT" != "$HN" ] && usable_name "$SHORT"; then RN2=$SHORT; RT2=$(token_for "$SHORT"); fi
if [ -r /etc/hostname ]; then
  EH=$(sed -n '1p' /etc/hostname)
  if [ "$EH" != "$HN" ] && usable_name "$EH"; then RN3=$EH; RT3=$(token_for "$EH"); fi
fi

if [ "$MODE" = redact-only ]; then
  if [ "$REDACT" = on ]; then scrub_secrets | redact_filter; else scrub_secrets; fi
  exit 0
fi

collect() {
  printf '### lischeck-meta\n'
  printf 'collector=lis-collect.sh\ncollector_version=%s\nformat=%s\n' "$COLLECTOR_VERSION" "$FORMAT"
  printf 'os_type=%s\ndate_utc=%s\nuid=%s\nredact=%s\ntimeout=%s\n' "$OSTYPE" \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$UID0" "$REDACT" "$TO"
  if [ "$OSTYPE" = FreeBSD ]; then freebsd_sections; else linux_sections; fi
  END=$(date +%s 2>/dev/null)
  printf '### lischeck-end\nelapsed_s=%s\n' "$((${END:-0} - ${START:-0}))"
}

# The last filter caps the whole report and appends the section count to the end marker.
collect | scrub_secrets | if [ "$REDACT" = on ]; then redact_filter; else cat; fi |
  awk -v max="$MAXBYTES" '
    { bytes += length($0) + 1
      if (bytes > max) { print "### lischeck-truncated"; print "reason=output over " max " bytes"; exit } }
    /^### / && $0 != "### lischeck-meta" && $0 != "### lischeck-end" { nsec++ }
    /^# truncated at [0-9]+ lines$/ { ntrunc++ }
    { print }
    $0 == "### lischeck-end" { print "sections=" nsec + 0 " truncated_sections=" ntrunc + 0 }'
