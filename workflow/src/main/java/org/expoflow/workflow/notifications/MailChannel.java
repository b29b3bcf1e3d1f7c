package org.expoflow.workflow.notifications;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail to each person of the audience whose address ADMIN has set, in Chinese, through the SMTP server
 * {@code spring.mail.host}. With no server set, a mail waits and is retried, so one set later still gets it.
 * On unless {@code expoflow.notifications.email.enabled} is false.
 */
@Component
@EnableConfigurationProperties(MailChannel.Settings.class)
@ConditionalOnProperty(prefix = "expoflow.notifications.email", name = "enabled", matchIfMissing = true)
public class MailChannel implements NoticeChannel {

    /** Its settings: whether it is on, the sender's address and the subject every mail carries. */
    @ConfigurationProperties("expoflow.notifications.email")
    public record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("expoflow@localhost") String from,
                           @DefaultValue("ExpoFlow 督办提醒") String subject) {
    }

    private final ObjectProvider<JavaMailSender> mail;
    private final Settings settings;
    private final NoticeTexts texts;

    public MailChannel(ObjectProvider<JavaMailSender> mail, Settings settings, NoticeTexts texts) {
        this.mail = mail;
        this.settings = settings;
        this.texts = texts;
    }

    @Override
    public String key() {
        return "EMAIL";
    }

    @Override
    public Reach reach() {
        return Reach.PERSON;
    }

    @Override
    public Optional<String> addressOf(Recipient recipient) {
        return Optional.ofNullable(recipient.person().email());
    }

    @Override
    public DeliveryOutcome deliver(Message message) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return DeliveryOutcome.failed("no mail server is configured (spring.mail.host)");
        }
        SimpleMailMessage mailed = new SimpleMailMessage();
        mailed.setTo(message.address());
        mailed.setFrom(settings.from());
        mailed.setSubject(settings.subject());
        mailed.setText(texts.asSent(message));
        try {
            sender.send(mailed);
            return DeliveryOutcome.delivered();
        } catch (MailException refused) {
            return DeliveryOutcome.failed(refused);
        }
    }
}
