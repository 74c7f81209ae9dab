#!/usr/bin/env bash
# A first Slurm cluster: this machine is its controller and its only compute node. Run as root
# on Debian (12 "bookworm" is where it was tried; CI runs it before the tests):
#   sudo deploy/slurm-one-node.sh
#   sbatch --array=0-3 deploy/slurm-array.sh scenarios/reference.yaml 100000 4 results/out.csv
# It installs Debian's Slurm and MUNGE if missing, writes a MUNGE key if there is none, writes
# /etc/slurm/slurm.conf for one node (this machine's short host name, CPUs and memory), starts
# munged, slurmctld and slurmd, and waits until `sinfo` shows the node ready for jobs. Safe to
# run again: if a cluster already answers `sinfo`, it says so and changes nothing.
#
# The settings work where much is missing, as in a container: no systemd (the daemons are
# started directly unless systemd runs), no cgroups (processes are tracked through /proc, and
# tasks are not confined), no database (no accounting: sacct shows nothing, squeue and
# `sbatch --wait` work). On a real cluster you would want cgroups and accounting; see
# https://slurm.schedmd.com/quickstart_admin.html.
set -euo pipefail

CONF=/etc/slurm/slurm.conf
MARK='# Written by deploy/slurm-one-node.sh'
WAIT=${SLURM_ONE_NODE_WAIT:-60}   # seconds to wait for the node to be ready
say() { echo "slurm-one-node: $*"; }
die() { echo "slurm-one-node: $*" >&2; exit 1; }

# The node is ready when sinfo lists it as idle, or busy with jobs (mixed, allocated, completing).
ready() { sinfo -h -N -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated|completing)'; }

if command -v sinfo >/dev/null && ready; then
  say "a cluster already answers sinfo; nothing to do:"
  sinfo
  exit 0
fi
[ "$(id -u)" = 0 ] || die "run as root (sudo $0): it installs packages and starts daemons"

# 1. The packages. These four, without recommends, are 8 packages and take seconds; the
#    slurm-wlm metapackage would bring 42 (documentation, database and GUI plugins).
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  say "installing Debian's slurmctld, slurmd, slurm-client and munge"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

# 2. MUNGE authenticates the daemons and commands to each other with a shared key (one machine:
#    nothing to copy). Debian's package usually makes one; make it if not.
if [ ! -s /etc/munge/munge.key ]; then
  say "writing a MUNGE key"
  if command -v mungekey >/dev/null; then
    mungekey --create --keyfile=/etc/munge/munge.key
  else
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
  fi
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key

# 3. slurm.conf. The node's line comes from `slurmd -C`, which reports what slurmd will find
#    (CPUs, sockets, cores, memory): a node that claims more than it has is drained. Controller
#    and node talk over 127.0.0.1, so a host name that does not resolve does not matter; for a
#    second node, use the machines' real addresses. The daemons' logs are in /var/log/slurm;
#    their complaints that the PMIx library cannot be loaded are harmless (it is for MPI jobs,
#    and Debian only recommends it).
host=$(hostname -s)
node=$(slurmd -C | head -n 1)
case $node in NodeName=*) ;; *) die "slurmd -C did not describe this node: $node" ;; esac
if [ -e "$CONF" ] && ! grep -qxF "$MARK" "$CONF"; then
  die "$CONF exists and was not written by this script: start its cluster, or move it away and run this again"
fi
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
chown slurm:slurm /var/spool/slurmctld /var/log/slurm
conf=$(cat <<EOF
$MARK
ClusterName=convene
SlurmctldHost=$host(127.0.0.1)
# The controller runs as Debian's slurm user; slurmd always runs as root, and jobs as whoever
# submitted them (root too).
SlurmUser=slurm
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
# No cgroups needed: track a job's processes through /proc, do not bind or confine tasks.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
# No accounting database.
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
# Hand out single CPUs; memory is not a consumable resource, so jobs need not ask for it.
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
# No mail is sent (no MailProg: slurmctld would log that the default is missing).
MailProg=/bin/true
# A node that was down (a restart, a crash) takes jobs again as soon as its slurmd registers.
ReturnToService=2
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
)
if [ "$(cat "$CONF" 2>/dev/null)" != "$conf" ]; then
  say "writing $CONF for the node $host"
  printf '%s\n' "$conf" >"$CONF"
  changed=1
fi

# 4. The daemons: munged, then the controller, then the node. With systemd, through Debian's
#    units (they start again at boot); without it, directly (each forks into the background).
if [ -d /run/systemd/system ]; then
  systemctl enable --now munge slurmctld slurmd
  [ -z "${changed:-}" ] || systemctl restart slurmctld slurmd
else
  # Each daemon forks into the background, but munged keeps the file descriptors it was given
  # beyond 0-2: close them first, or whatever waits for this script's pipes to close (a CI
  # runner) would wait for munged too.
  start() {
    (
      for fd in /proc/self/fd/*; do
        fd=${fd##*/}
        if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
      done
      exec "$@"
    )
  }
  if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    say "starting munged"
    mkdir -p /run/munge && chown munge:munge /run/munge && chmod 0755 /run/munge
    start runuser -u munge -- /usr/sbin/munged
  fi
  # A daemon is running if the process its pid file names is alive.
  running() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
  if running /run/slurmctld.pid; then
    [ -z "${changed:-}" ] || scontrol reconfigure
  else
    say "starting slurmctld"
    start slurmctld
  fi
  if ! running /run/slurmd.pid; then
    say "starting slurmd"
    start slurmd
  fi
fi

# 5. Wait for the node to register with the controller.
# (sinfo itself may take seconds to give up on a controller that is still starting.)
deadline=$((SECONDS + WAIT))
while ((SECONDS < deadline)); do
  if ready; then
    say "the cluster is up:"
    sinfo
    exit 0
  fi
  sleep 1
done
echo "slurm-one-node: the node $host was not ready after ${WAIT}s; sinfo says:" >&2
sinfo -N -l >&2 || true
echo "(a node down or drained for a REASON you have dealt with takes jobs again after: scontrol update nodename=$host state=resume)" >&2
for log in /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log; do
  echo "--- the end of $log:" >&2
  tail -n 20 "$log" >&2 2>/dev/null || true
done
exit 1
