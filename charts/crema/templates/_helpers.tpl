{{/* The release's full name, at most 63 characters. */}}
{{- define "crema.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "crema.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "crema.labels" -}}
{{ include "crema.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "crema.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "crema.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "crema.configMapName" -}}
{{- default (include "crema.fullname" .) .Values.existingConfigMap -}}
{{- end -}}

{{- define "crema.leaseName" -}}
{{- default (include "crema.fullname" .) .Values.leaderElection.leaseName -}}
{{- end -}}

{{/*
Values the schema cannot judge alone. Fails with a message naming the value and the fix.
*/}}
{{- define "crema.validate" -}}
{{- if and (gt (int .Values.replicaCount) 1) (not .Values.leaderElection.enabled) -}}
{{- fail (printf "replicaCount is %d but leaderElection.enabled is false: without the Lease every pod would write instance counts to Cloud Run. Set leaderElection.enabled=true (pods stand by until they hold the Lease) or replicaCount=1." (int .Values.replicaCount)) -}}
{{- end -}}
{{- range .Values.env -}}
{{- if eq (toString .name) "CREMA_SHUTDOWN_GRACE" -}}
{{- fail "env sets CREMA_SHUTDOWN_GRACE: set terminationGracePeriodSeconds instead (the chart derives the shutdown grace from it, 2 s shorter, so crema exits before the kubelet's SIGKILL)." -}}
{{- end -}}
{{- end -}}
{{- range .Values.extraArgs -}}
{{- if hasPrefix "--shutdown-grace" (toString .) -}}
{{- fail "extraArgs sets --shutdown-grace: set terminationGracePeriodSeconds instead (the chart derives the shutdown grace from it, 2 s shorter, so crema exits before the kubelet's SIGKILL)." -}}
{{- end -}}
{{- end -}}
{{- end -}}
