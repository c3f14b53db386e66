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
