"""Detection: rule catalogue, prefilter, content rules and Kubernetes analysis."""
