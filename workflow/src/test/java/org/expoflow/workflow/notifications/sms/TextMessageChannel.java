package org.expoflow.workflow.notifications.sms;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.expoflow.workflow.notifications.NoticeChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Text messages (SMS) to the people whose phone number its settings hold, by user name
 * ({@code expoflow.notifications.sms.phones.<username>}); off unless {@code expoflow.notifications.sms.enabled}.
 * Instead of a gateway it keeps what it was handed, for the test to read.
 */
@Component
@EnableConfigurationProperties(TextMessageChannel.Settings.class)
@ConditionalOnProperty(prefix = "expoflow.notifications.sms", name = "enabled")
public class TextMessageChannel implements NoticeChannel {

    /** Its settings: whether it is on, and each person's phone number by user name. */
    @ConfigurationProperties("expoflow.notifications.sms")
    public record Settings(boolean enabled, Map<String, String> phones) {
    }

    private final Settings settings;
    private final List<Message> sent = new CopyOnWriteArrayList<>();

    public TextMessageChannel(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String key() {
        return "SMS";
    }

    @Override
    public Reach reach() {
        return Reach.PERSON;
    }

    @Override
    public Optional<String> addressOf(Recipient recipient) {
        return Optional.ofNullable(settings.phones()).map(phones -> phones.get(recipient.person().username()));
    }

    @Override
    public DeliveryOutcome deliver(Message message) {
        sent.add(message);
        return DeliveryOutcome.delivered();
    }

    /** What it was handed, oldest first. */
    public List<Message> sent() {
        return List.copyOf(sent);
    }
}
