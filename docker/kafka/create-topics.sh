#!/usr/bin/env bash
# One-shot job of docker-compose.yml (service kafka-init): creates the event topics and the
# dead-letter topics of the consumer groups before any service starts. Idempotent (--if-not-exists),
# so `docker compose up` can run it again on every start.
#
#   BOOTSTRAP_SERVER             the broker, e.g. kafka:9092
#   TELEWORK_TOPICS              space-separated event topic names
#   TELEWORK_DEAD_LETTER_TOPICS  space-separated dead-letter topic names, one per consumer group and
#                                topic ("<topic>.<group>.dlq", as event-contracts' Topics derives them)
#   TOPIC_PARTITIONS      partitions per event topic (consumer parallelism per consumer group)
#   TOPIC_RETENTION_MS    retention of the event topics
#   DLQ_RETENTION_MS      retention of the dead-letter topics (kept longer for inspection)
set -euo pipefail

: "${BOOTSTRAP_SERVER:?}" "${TELEWORK_TOPICS:?}" "${TELEWORK_DEAD_LETTER_TOPICS:?}" "${TOPIC_PARTITIONS:?}" "${TOPIC_RETENTION_MS:?}" "${DLQ_RETENTION_MS:?}"
topics="${KAFKA_HOME:-/opt/kafka}/bin/kafka-topics.sh"

create() { # name partitions retention
  "${topics}" --bootstrap-server "${BOOTSTRAP_SERVER}" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor 1 \
    --config "retention.ms=$3" --config min.insync.replicas=1
}

for topic in ${TELEWORK_TOPICS}; do
  create "${topic}" "${TOPIC_PARTITIONS}" "${TOPIC_RETENTION_MS}"
done
for topic in ${TELEWORK_DEAD_LETTER_TOPICS}; do
  create "${topic}" 1 "${DLQ_RETENTION_MS}"
done
"${topics}" --bootstrap-server "${BOOTSTRAP_SERVER}" --list
