#!/bin/bash
# Runs an experiment file on a Kubernetes cluster: the results volume, the experiment as a ConfigMap, the Indexed Job,
# then the merge Job once every index completed. Kubernetes has no job dependencies, so this script waits in between.
#   samples/cluster/k8s/run.sh samples/experiments/gamma-sweep.json
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
experiment=${1:?usage: run.sh EXPERIMENT.json}
kubectl apply -f "$here/results-volume.yaml"
kubectl create configmap losslab-experiment --from-file=experiment.json="$experiment" --dry-run=client -o yaml | kubectl apply -f -
kubectl delete job losslab-shards losslab-merge --ignore-not-found
kubectl apply -f "$here/shards-job.yaml"
kubectl wait --for=condition=complete job/losslab-shards --timeout=24h
kubectl apply -f "$here/merge-job.yaml"
kubectl wait --for=condition=complete job/losslab-merge --timeout=1h
echo "merged results: /results/merged on the losslab-results volume"
