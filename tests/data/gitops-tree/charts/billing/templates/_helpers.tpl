{{/* Expand the name of the chart. */}}
{{- define "billing.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "billing.fullname" -}}
{{- printf "%s-%s" .Release.Name (include "billing.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
