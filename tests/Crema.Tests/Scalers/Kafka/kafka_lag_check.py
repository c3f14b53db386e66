"""Independent lag figures for Crema's Kafka tests, read with Debian's python3-kafka.

Usage: python3 kafka_lag_check.py BOOTSTRAP GROUP TOPIC
Prints one JSON object: {"partitions": {"0": {"end": E, "committed": C}, ...}, "lag": L}
where a partition without a committed offset has committed -1 and counts end - 0 (raw lag,
before any of the scaler's rules). Only ApiVersions, Metadata, FindCoordinator, OffsetFetch and
ListOffsets are sent, the requests Crema makes through librdkafka.
"""
import json
import sys

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition


def main():
    bootstrap, group, topic = sys.argv[1:4]
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000)
    committed = admin.list_consumer_group_offsets(group)
    admin.close()
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, request_timeout_ms=11000)
    partitions = sorted(consumer.partitions_for_topic(topic) or [])
    end = consumer.end_offsets([TopicPartition(topic, p) for p in partitions])
    consumer.close()
    result = {}
    lag = 0
    for p in partitions:
        tp = TopicPartition(topic, p)
        c = committed[tp].offset if tp in committed else -1
        result[str(p)] = {"end": end[tp], "committed": c}
        lag += end[tp] - max(c, 0)
    print(json.dumps({"partitions": result, "lag": lag}))


if __name__ == "__main__":
    main()
