package org.expoflow.workflow.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each channel is on unless its own settings switch it off, and reads its own settings: the sender of the mails,
 * the default group robot of the units without one.
 */
class NoticeChannelSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(JdbcTemplate.class, () -> mock(JdbcTemplate.class))
            .withBean(NoticeTexts.class, () -> mock(NoticeTexts.class))
            .withBean(RobotAddresses.class, () -> mock(RobotAddresses.class))
            .withBean(org.axonframework.queryhandling.QueryGateway.class, () -> mock(org.axonframework.queryhandling.QueryGateway.class))
            .withUserConfiguration(InboxChannel.class, MailChannel.class, GroupRobotChannel.class);

    @Test
    void everyChannelIsOnUnlessItsSettingsSwitchItOff() {
        context.run(channels -> assertThat(channels.getBeansOfType(NoticeChannel.class).values())
                .extracting(NoticeChannel::key).containsExactlyInAnyOrder("INBOX", "EMAIL", "WEBHOOK"));
        context.withPropertyValues("expoflow.notifications.email.enabled=false", "expoflow.notifications.inbox.enabled=false")
                .run(channels -> assertThat(channels.getBeansOfType(NoticeChannel.class).values())
                        .extracting(NoticeChannel::key).containsExactly("WEBHOOK"));
    }

    @Test
    void aChannelReadsItsOwnSettings() {
        context.withPropertyValues("expoflow.notifications.email.from=office@expo.example",
                "expoflow.notifications.group-robot.default-webhook=https://robot.example/hook").run(channels -> {
                    assertThat(channels.getBean(MailChannel.Settings.class))
                            .isEqualTo(new MailChannel.Settings(true, "office@expo.example", "ExpoFlow 督办提醒"));
                    assertThat(channels.getBean(GroupRobotChannel.class).addressOf(NoticeChannel.Recipient.unitGroup("fushun")))
                            .as("a unit with no robot of its own").contains("https://robot.example/hook");
                });
    }
}
