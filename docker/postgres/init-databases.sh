#!/usr/bin/env bash
# Runs once, when the PostgreSQL container initializes an empty data volume
# (/docker-entrypoint-initdb.d). Creates one login role and one database per owner:
# every service (and Keycloak) gets its own database, owned by its own role, and nobody
# else may connect to it.
#
#   TELEWORK_DATABASES       space-separated database names; each one is also its owner's role name
#   <NAME>_DB_PASSWORD       the password of role <name> (upper-cased name), e.g. CONTACT_POINTS_DB_PASSWORD
#
# The passwords docker-compose.yml passes by default are LOCAL DEMO values.
set -euo pipefail

: "${TELEWORK_DATABASES:?TELEWORK_DATABASES must list the databases to create}"

for db in ${TELEWORK_DATABASES}; do
  if [[ ! "${db}" =~ ^[a-z][a-z0-9_]*$ ]]; then
    echo "init-databases: invalid database name '${db}'" >&2
    exit 1
  fi
  password_var="${db^^}_DB_PASSWORD"
  password="${!password_var:-}"
  if [[ -z "${password}" ]]; then
    echo "init-databases: ${password_var} is not set" >&2
    exit 1
  fi
  echo "init-databases: role and database ${db}"
  # psql variables (:'pw', :"db") quote the values; nothing is spliced into SQL text
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname postgres \
       -v db="${db}" -v pw="${password}" <<'SQL'
CREATE ROLE :"db" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"db";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
done
