#!/usr/bin/env bash
# Deploys Crema to Cloud Run with least privilege. Read before running; run it again after any change
# (it creates what is missing, adds a config version and rolls out a new revision).
#
#   PROJECT_ID=acme REGION=us-central1 CONFIG_FILE=crema.yaml \
#   WORKLOAD_SERVICE_ACCOUNTS="renderer@acme.iam.gserviceaccount.com" samples/cloud-run/deploy.sh
#
# Settings (environment):
#   PROJECT_ID                 required; where Crema runs
#   REGION                     default us-central1
#   CONFIG_FILE                default crema.yaml (validate it first: crema validate --config crema.yaml)
#   CONFIG_STORE               secret (default: a Secret Manager secret mounted as a file) or parametermanager
#                              (a Parameter Manager version in CREMA_CONFIG, read again every 30 s)
#   CONFIG_NAME                the secret's or the parameter's name, default crema-config
#   WORKLOAD_SERVICE_ACCOUNTS  the runtime service accounts of the worker pools/services Crema scales
#                              (space or comma separated): Cloud Run refuses an update by a principal
#                              that may not act as the resource's service account
#   TRIGGER_SECRETS            Secret Manager secrets that gcpSecretManager trigger authentications read
#   TRIGGER_BUCKETS            buckets that gcp-storage triggers count objects in
#   RUN_DEVELOPER_SCOPE        targets (default: roles/run.developer on each scaleTargetRef in CONFIG_FILE)
#                              or project (project-wide, for targets created later; prints a warning)
set -euo pipefail
: "${PROJECT_ID:?set PROJECT_ID}"
REGION="${REGION:-us-central1}"
CONFIG_FILE="${CONFIG_FILE:-crema.yaml}"
CONFIG_STORE="${CONFIG_STORE:-secret}"
CONFIG_NAME="${CONFIG_NAME:-crema-config}"
RUN_DEVELOPER_SCOPE="${RUN_DEVELOPER_SCOPE:-targets}"
WORKLOAD_SERVICE_ACCOUNTS="${WORKLOAD_SERVICE_ACCOUNTS:-}"
TRIGGER_SECRETS="${TRIGGER_SECRETS:-}"
TRIGGER_BUCKETS="${TRIGGER_BUCKETS:-}"
read -r -a workload_accounts <<<"${WORKLOAD_SERVICE_ACCOUNTS//,/ }"
read -r -a trigger_secrets <<<"${TRIGGER_SECRETS//,/ }"
read -r -a trigger_buckets <<<"${TRIGGER_BUCKETS//,/ }"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[[ -f "$CONFIG_FILE" ]] || { echo "deploy.sh: no config file $CONFIG_FILE (set CONFIG_FILE)" >&2; exit 2; }
case "$CONFIG_STORE" in secret | parametermanager) ;; *) echo "deploy.sh: CONFIG_STORE is secret or parametermanager" >&2; exit 2 ;; esac
case "$RUN_DEVELOPER_SCOPE" in targets | project) ;; *) echo "deploy.sh: RUN_DEVELOPER_SCOPE is targets or project" >&2; exit 2 ;; esac

# The version every artifact carries: the commit, marked when the work tree has uncommitted changes.
revision="$(git -C "$repo" rev-parse --short HEAD)"
dirty=""
[[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ]] || dirty="-dirty"
version="${revision}${dirty}"

SA="crema@${PROJECT_ID}.iam.gserviceaccount.com"
member="serviceAccount:${SA}"
bucket="gs://${PROJECT_ID}-crema"
image="${REGION}-docker.pkg.dev/${PROJECT_ID}/crema/crema:${version}"
quiet() { "$@" >/dev/null; }

# The targets Crema writes to: every Cloud Run resource name in the config, comments left out.
mapfile -t targets < <(sed 's/#.*//' "$CONFIG_FILE" |
  grep -oE 'projects/[a-z0-9-]+/locations/[a-z0-9-]+/(workerPools|workerpools|services)/[a-z0-9-]+' | sort -u || true)
monitoring=""
# Triggers that read Cloud Monitoring: Pub/Sub, Stackdriver, Cloud Tasks, the target's own cpu and memory, and
# prometheus pointed at Google Managed Prometheus.
monitoring_pattern="type:[[:space:]]*[\"']?(gcp-(pubsub|stackdriver|cloudtasks)|cpu|memory)\b|monitoring\.googleapis\.com"
if sed 's/#.*//' "$CONFIG_FILE" | grep -qE "$monitoring_pattern"; then monitoring=yes; fi

# 1. The APIs.
apis=(run.googleapis.com iam.googleapis.com storage.googleapis.com artifactregistry.googleapis.com cloudbuild.googleapis.com monitoring.googleapis.com)
if [[ "$CONFIG_STORE" == secret || ${#trigger_secrets[@]} -gt 0 ]]; then apis+=(secretmanager.googleapis.com); fi
if [[ "$CONFIG_STORE" == parametermanager ]]; then apis+=(parametermanager.googleapis.com); fi
gcloud services enable "${apis[@]}" --project "$PROJECT_ID"

# 2. Crema's service account, and each role on the one resource it is needed for.
gcloud iam service-accounts describe "$SA" --project "$PROJECT_ID" >/dev/null 2>&1 ||
  gcloud iam service-accounts create crema --project "$PROJECT_ID" --display-name "Crema autoscaler"

if [[ "$RUN_DEVELOPER_SCOPE" == project || ${#targets[@]} -eq 0 ]]; then
  echo "deploy.sh: WARNING: roles/run.developer project-wide on $PROJECT_ID (no scaleTargetRef found in $CONFIG_FILE, or RUN_DEVELOPER_SCOPE=project): Crema may change every service and worker pool there" >&2
  quiet gcloud projects add-iam-policy-binding "$PROJECT_ID" --member "$member" --role roles/run.developer --condition None
else
  for target in "${targets[@]}"; do
    IFS=/ read -r _ project _ location kind name <<<"$target"
    case "$kind" in
      services) group=services ;;
      *) group=worker-pools ;;
    esac
    quiet gcloud run "$group" add-iam-policy-binding "$name" --project "$project" --region "$location" \
      --member "$member" --role roles/run.developer
  done
fi

if [[ ${#workload_accounts[@]} -eq 0 && ${#targets[@]} -gt 0 ]]; then
  echo "deploy.sh: WARNING: WORKLOAD_SERVICE_ACCOUNTS is empty: Cloud Run refuses Crema's updates until it may act as each target's service account" >&2
fi
for account in "${workload_accounts[@]}"; do
  quiet gcloud iam service-accounts add-iam-policy-binding "$account" --project "$PROJECT_ID" \
    --member "$member" --role roles/iam.serviceAccountUser
done

# Cloud Monitoring has no per-metric IAM: the triggers that read it need the project's.
if [[ -n "$monitoring" ]]; then
  quiet gcloud projects add-iam-policy-binding "$PROJECT_ID" --member "$member" --role roles/monitoring.viewer --condition None
fi
for secret in "${trigger_secrets[@]}"; do
  quiet gcloud secrets add-iam-policy-binding "$secret" --project "$PROJECT_ID" --member "$member" --role roles/secretmanager.secretAccessor
done
for trigger_bucket in "${trigger_buckets[@]}"; do
  quiet gcloud storage buckets add-iam-policy-binding "gs://${trigger_bucket#gs://}" --member "$member" --role roles/storage.objectViewer
done

# 3. The lease: one bucket, no soft delete (every renewal replaces the object), read and replace rights on it
#    alone. Only the lease holder writes instance counts (docs/leader-election.md).
gcloud storage buckets describe "$bucket" --project "$PROJECT_ID" >/dev/null 2>&1 ||
  gcloud storage buckets create "$bucket" --project "$PROJECT_ID" --location "$REGION" \
    --uniform-bucket-level-access --soft-delete-duration 0
quiet gcloud storage buckets add-iam-policy-binding "$bucket" --member "$member" --role roles/storage.objectUser

# 4. The config: a new version on every run, so the new revision reads exactly this file.
if [[ "$CONFIG_STORE" == secret ]]; then
  if gcloud secrets describe "$CONFIG_NAME" --project "$PROJECT_ID" >/dev/null 2>&1; then
    gcloud secrets versions add "$CONFIG_NAME" --project "$PROJECT_ID" --data-file "$CONFIG_FILE"
  else
    gcloud secrets create "$CONFIG_NAME" --project "$PROJECT_ID" --replication-policy automatic --data-file "$CONFIG_FILE"
  fi
  secret_version="$(gcloud secrets versions describe latest --secret "$CONFIG_NAME" --project "$PROJECT_ID" --format 'value(name)')"
  secret_version="${secret_version##*/}"
  quiet gcloud secrets add-iam-policy-binding "$CONFIG_NAME" --project "$PROJECT_ID" --member "$member" --role roles/secretmanager.secretAccessor
else
  # Versions are named by content, so running again with the same file reuses its version.
  parameter_version="c-$(sha256sum "$CONFIG_FILE" | cut -c1-16)"
  gcloud parametermanager parameters describe "$CONFIG_NAME" --project "$PROJECT_ID" --location global >/dev/null 2>&1 ||
    gcloud parametermanager parameters create "$CONFIG_NAME" --project "$PROJECT_ID" --location global --parameter-format YAML
  gcloud parametermanager parameters versions describe "$parameter_version" --parameter "$CONFIG_NAME" \
    --project "$PROJECT_ID" --location global >/dev/null 2>&1 ||
    gcloud parametermanager parameters versions create "$parameter_version" --parameter "$CONFIG_NAME" \
      --project "$PROJECT_ID" --location global --payload-data-from-file "$CONFIG_FILE"
  # Parameter Manager has no per-parameter IAM policy: a condition keeps the project-level role to this parameter.
  quiet gcloud projects add-iam-policy-binding "$PROJECT_ID" --member "$member" --role roles/parametermanager.parameterAccessor \
    --condition "expression=resource.name.endsWith(\"/parameters/${CONFIG_NAME}\") || resource.name.contains(\"/parameters/${CONFIG_NAME}/\"),title=crema-${CONFIG_NAME}-only"
fi

# 5. The image, tagged with the commit, which the daemon also reports (crema --version); built once per commit.
gcloud artifacts repositories describe crema --project "$PROJECT_ID" --location "$REGION" >/dev/null 2>&1 ||
  gcloud artifacts repositories create crema --project "$PROJECT_ID" --location "$REGION" --repository-format docker
if [[ -n "$dirty" ]] || ! gcloud artifacts docker images describe "$image" --project "$PROJECT_ID" >/dev/null 2>&1; then
  gcloud builds submit "$repo" --project "$PROJECT_ID" --config "$repo/samples/cloud-run/cloudbuild.yaml" \
    --substitutions "_IMAGE=${image},_REVISION=${version}"
fi

# 6. One instance, CPU always allocated, private, probes on /readyz and /healthz, the lease on.
manifest="$(mktemp)"
trap 'rm -f "$manifest"' EXIT
if [[ "$CONFIG_STORE" == secret ]]; then
  config_args='["run", "--config", "/etc/crema/crema.yaml"]'
  config_env=""
  config_mount="          volumeMounts:
            - {name: config, mountPath: /etc/crema}
      volumes:
        - name: config
          secret:
            secretName: ${CONFIG_NAME}
            items: [{key: \"${secret_version}\", path: crema.yaml}]"
else
  config_args='["run"]'
  config_env=$'\n'"            - {name: CREMA_CONFIG, value: projects/${PROJECT_ID}/locations/global/parameters/${CONFIG_NAME}/versions/${parameter_version}}"
  config_mount=""
fi
cat >"$manifest" <<YAML
apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: crema
  labels: {crema-version: ${version}}
  annotations:
    run.googleapis.com/ingress: internal
spec:
  template:
    metadata:
      labels: {crema-version: ${version}}
      annotations:
        autoscaling.knative.dev/minScale: "1"
        autoscaling.knative.dev/maxScale: "1"
        run.googleapis.com/cpu-throttling: "false"
    spec:
      serviceAccountName: ${SA}
      containers:
        - image: ${image}
          args: ${config_args}
          ports: [{containerPort: 8080}]
          env:
            - {name: GOOGLE_CLOUD_PROJECT, value: ${PROJECT_ID}}
            # Cloud Run sends SIGKILL 10 s after SIGTERM: crema run exits within this grace (its default).
            - {name: CREMA_SHUTDOWN_GRACE, value: "8"}
            - {name: CREMA_LEASE, value: "${bucket}/leader"}${config_env}
          startupProbe:
            httpGet: {path: /readyz, port: 8080}
            periodSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
            periodSeconds: 10
${config_mount}
YAML
gcloud run services replace "$manifest" --project "$PROJECT_ID" --region "$REGION"
echo "deploy.sh: crema ${version} deployed to ${REGION} as ${SA}" >&2
