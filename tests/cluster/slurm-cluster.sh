#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, so the sbatch end-to-end test (tests/LossLab.Tests/Cluster) submits a
# real job array. Debian's slurm-wlm 22.05 and munge; no systemd needed (the daemons are started directly).
#
#   tests/cluster/slurm-cluster.sh start    install the packages when missing, write the munge key and slurm.conf,
#                                           start munged, slurmctld and slurmd, wait until the node is idle
#   tests/cluster/slurm-cluster.sh stop     stop the daemons this script started
#   tests/cluster/slurm-cluster.sh status   exit 0 when the node answers
#
# Idempotent: start on a running cluster leaves it as it is; stop on a stopped one does nothing. It refuses to
# overwrite a slurm.conf it did not write, so it never takes over a real cluster's configuration.
set -euo pipefail

STATE=/var/lib/losslab-slurm
CONF=/etc/slurm/slurm.conf
MARK="# written by LossLab tests/cluster/slurm-cluster.sh"

say() { echo "slurm-cluster: $*" >&2; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
  else say "needs root or password-less sudo to run: $*"; exit 1
  fi
}
running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
node_idle() { sinfo -h -N -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)'; }

install_packages() {
  command -v slurmctld >/dev/null && command -v munged >/dev/null && return
  say "installing slurm-wlm and munge (Debian packages, about 3 minutes the first time)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null \
    || { as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null; }
}

write_munge_key() {
  [ -s /etc/munge/munge.key ] && return
  as_root mkdir -p /etc/munge
  as_root dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  as_root chown munge:munge /etc/munge/munge.key
  as_root chmod 400 /etc/munge/munge.key
}

start_munge() {
  as_root mkdir -p /run/munge /var/log/munge /var/lib/munge
  as_root chown munge:munge /run/munge /var/log/munge /var/lib/munge
  if munge -n </dev/null >/dev/null 2>&1; then return; fi
  as_root runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do munge -n </dev/null >/dev/null 2>&1 && return; sleep 0.1; done
  say "munged did not start"; exit 1
}

# One node sized from this machine: slurmd drains a node whose configured CPUs or memory exceed what it finds.
write_slurm_conf() {
  if [ -f "$CONF" ] && ! grep -qF "$MARK" "$CONF"; then
    say "$CONF exists and was not written by this script: refusing to replace a real cluster's configuration"; exit 1
  fi
  local host cpus memory
  host=$(hostname -s)
  cpus=$(nproc)
  memory=$(( $(free -m | awk '/^Mem:/ {print $2}') * 9 / 10 ))
  as_root mkdir -p /etc/slurm "$STATE/state" "$STATE/spool"
  as_root tee "$CONF" >/dev/null <<EOF
$MARK
ClusterName=losslab
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MinJobAge=600
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
StateSaveLocation=$STATE/state
SlurmdSpoolDir=$STATE/spool
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/slurmctld.log
SlurmdLogFile=$STATE/slurmd.log
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

start() {
  if node_idle && running "$STATE/slurmctld.pid" && running "$STATE/slurmd.pid"; then say "already running"; return; fi
  install_packages
  write_munge_key
  start_munge
  write_slurm_conf
  running "$STATE/slurmctld.pid" || as_root slurmctld
  running "$STATE/slurmd.pid" || as_root slurmd
  for _ in $(seq 60); do
    if node_idle; then say "node $(hostname -s) is up: $(sinfo -h -o '%P %D %T %c CPUs')"; return; fi
    sleep 0.5
  done
  say "the node did not become idle; last lines of the logs:"
  as_root tail -n 20 "$STATE/slurmctld.log" "$STATE/slurmd.log" >&2 || true
  exit 1
}

stop() {
  for daemon in slurmd slurmctld; do
    if running "$STATE/$daemon.pid"; then as_root kill "$(cat "$STATE/$daemon.pid")"; fi
  done
  for _ in $(seq 50); do
    running "$STATE/slurmd.pid" || running "$STATE/slurmctld.pid" || break
    sleep 0.1
  done
  if [ -f /run/munge/munged.pid ] && kill -0 "$(cat /run/munge/munged.pid)" 2>/dev/null; then
    as_root kill "$(cat /run/munge/munged.pid)"
  fi
  say "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) node_idle ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
