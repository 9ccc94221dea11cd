-- roles for the reporting cluster (managed by migration 0042)
CREATE ROLE reporting LOGIN PASSWORD 'SCRAM-SHA-256$4096:Ac3cP6xR7JBs3tuI2FysHQ==$KIU97Nm/tbgE4Z3huM3H48wDpyvf4oOIJGyAeZfZuDo=:34CxiJCzSDRRF4/f+JkA5uly2M6TVVAJnqX+wEIuuao=';
ALTER ROLE grafana_ro PASSWORD 'md5a6aa24c7dc2a975c9c573620966fa03e';
ALTER ROLE etl PASSWORD NULL;
SET password_encryption = 'scram-sha-256';
