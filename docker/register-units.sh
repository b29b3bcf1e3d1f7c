#!/usr/bin/env bash
# Registers the province's fifteen units (as the demo has them, in the register's order) in the compose cluster,
# so that the realm's clerks (groups unit-<unit id>) are admitted. Run once, after `admin` has changed the password
# given in EXPOFLOW_ADMIN_PASSWORD at first sign-in:
#   EXPOFLOW_ADMIN_PASSWORD=<admin's new password> docker/register-units.sh [http://localhost:8080]
# A unit registered already is answered 409 and left as it is.
set -euo pipefail
base=${1:-http://localhost:8080}
: "${EXPOFLOW_ADMIN_PASSWORD:?set EXPOFLOW_ADMIN_PASSWORD to the password of admin}"
while IFS='|' read -r id name english; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$EXPOFLOW_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"unitId\":\"$id\",\"name\":\"$name\",\"englishName\":\"$english\",\"kind\":\"CITY\"}" "$base/api/admin/units")
  echo "$id $status"
done <<'UNITS'
shenyang|沈阳市|Shenyang
dalian|大连市|Dalian
anshan|鞍山市|Anshan
fushun|抚顺市|Fushun
benxi|本溪市|Benxi
dandong|丹东市|Dandong
jinzhou|锦州市|Jinzhou
yingkou|营口市|Yingkou
fuxin|阜新市|Fuxin
liaoyang|辽阳市|Liaoyang
panjin|盘锦市|Panjin
tieling|铁岭市|Tieling
chaoyang|朝阳市|Chaoyang
huludao|葫芦岛市|Huludao
shenfu|沈抚示范区|Shenfu Demonstration Zone
UNITS
