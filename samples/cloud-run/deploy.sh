#!/usr/bin/env bash
# Deploys Crema to Cloud Run. Set PROJECT_ID and REGION first. Read before running.
set -euo pipefail
: "${PROJECT_ID:?set PROJECT_ID}" "${REGION:=us-central1}"

# 1. A service account for Crema, with the roles it needs:
#    - roles/run.developer on the worker pools/services it scales (here: project-wide),
#    - roles/iam.serviceAccountUser on their runtime service account,
#    - roles/monitoring.viewer for gcp-pubsub / gcp-stackdriver / gcp-cloudtasks triggers,
#    - roles/secretmanager.secretAccessor for gcpSecretManager trigger authentications and the config secret,
#    - roles/parametermanager.parameterViewer if the config comes from Parameter Manager (CREMA_CONFIG).
gcloud iam service-accounts create crema --project "$PROJECT_ID" --display-name "Crema autoscaler"
SA="crema@${PROJECT_ID}.iam.gserviceaccount.com"
for role in roles/run.developer roles/iam.serviceAccountUser roles/monitoring.viewer roles/secretmanager.secretAccessor; do
  gcloud projects add-iam-policy-binding "$PROJECT_ID" --member "serviceAccount:${SA}" --role "$role" --condition None
done

# 2. The lease: one bucket, no versioning, no soft delete (every renewal replaces the object), and the role to
#    read and replace objects in it. Only the lease holder writes instance counts (docs/leader-election.md).
gcloud storage buckets create "gs://${PROJECT_ID}-crema" --project "$PROJECT_ID" --location "$REGION" \
  --uniform-bucket-level-access --soft-delete-duration 0
gcloud storage buckets add-iam-policy-binding "gs://${PROJECT_ID}-crema" \
  --member "serviceAccount:${SA}" --role roles/storage.objectUser

# 3. The config, as a secret mounted at /etc/crema/crema.yaml (validate it first: crema validate --config crema.yaml).
gcloud secrets create crema-config --project "$PROJECT_ID" --data-file crema.yaml

# 4. The image (built from this repository's Dockerfile).
gcloud artifacts repositories create crema --project "$PROJECT_ID" --location "$REGION" --repository-format docker || true
gcloud builds submit --project "$PROJECT_ID" --tag "${REGION}-docker.pkg.dev/${PROJECT_ID}/crema/crema:latest" .

# 5. One instance, CPU always allocated, no unauthenticated access, the lease on.
gcloud run deploy crema --project "$PROJECT_ID" --region "$REGION" \
  --image "${REGION}-docker.pkg.dev/${PROJECT_ID}/crema/crema:latest" \
  --service-account "$SA" \
  --min-instances 1 --max-instances 1 --no-cpu-throttling \
  --no-allow-unauthenticated --ingress internal \
  --set-secrets /etc/crema/crema.yaml=crema-config:latest \
  --set-env-vars CREMA_SHUTDOWN_GRACE=8 \
  --set-env-vars "CREMA_LEASE=gs://${PROJECT_ID}-crema/leader" \
  --args run,--config,/etc/crema/crema.yaml
