package jp.telework.desk.deploy.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import jp.telework.desk.deploy.support.Repo;
import jp.telework.desk.deploy.support.ServiceConfig;
import jp.telework.desk.events.Topics;

/**
 * Every incoming Kafka channel of every service is a subscription of event-contracts' {@code Topics}
 * and dead-letters into that subscription's own topic ({@code <topic>.<group>.dlq}); no two channels
 * share a dead-letter topic, and the catalogue lists no subscription nobody has. Each channel also
 * leaves its group quickly when its replica dies (common-data README, "Consumers: group membership").
 */
class DeadLetterTopicsTest {
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    @Test
    void eachConsumerGroupDeadLettersIntoItsOwnDerivedTopic() {
        List<Topics.Subscription> declared = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            Map<String, String> p = ServiceConfig.of(service).properties();
            for (String key : p.keySet()) {
                Matcher m = INCOMING.matcher(key);
                if (!m.matches() || !"smallrye-kafka".equals(p.get(key))) {
                    continue;
                }
                String channel = "mp.messaging.incoming." + m.group(1) + ".";
                String where = service + " channel " + m.group(1);
                String topic = p.get(channel + "topic");
                String group = p.get(channel + "group.id");
                assertTrue(Topics.events().contains(topic), where + " reads an event topic, not " + topic);
                assertEquals(service, group, where + ": the consumer group is the service");
                assertEquals("dead-letter-queue", p.get(channel + "failure-strategy"), where);
                assertEquals(Topics.dlq(topic, group), p.get(channel + "dead-letter-queue.topic"), where);
                declared.add(new Topics.Subscription(topic, group));
                // the broker's default group.min.session.timeout.ms is 6000: lower is refused at join
                int session = Integer.parseInt(p.getOrDefault(channel + "session.timeout.ms", "45000"));
                int heartbeat = Integer.parseInt(p.getOrDefault(channel + "heartbeat.interval.ms", "3000"));
                assertTrue(session >= 6000 && session <= 10000, where + ": a dead replica's partitions move within 10 s, session.timeout.ms " + session);
                assertTrue(heartbeat * 3 <= session, where + ": at least three heartbeats per session, heartbeat.interval.ms " + heartbeat);
            }
        }
        assertEquals(new TreeSet<>(Topics.SUBSCRIPTIONS.stream().map(Object::toString).toList()),
                new TreeSet<>(declared.stream().map(Object::toString).toList()), "Topics.SUBSCRIPTIONS = the services' channels");
        assertEquals(declared.size(), declared.stream().map(Topics.Subscription::deadLetterTopic).distinct().count(),
                "no two channels share a dead-letter topic");
    }
}
