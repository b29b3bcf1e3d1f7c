package org.expoflow.workflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.directives.DirectiveWork.IssueDirectiveRequest;
import org.expoflow.workflow.meetings.MeetingWork.DecisionRequest;
import org.expoflow.workflow.tasks.UnitStepWork.ProgressRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/**
 * A request's rules name the field at fault as the API names it, down into lists, maps and nested records,
 * and say what is wrong in a sentence that names the field by its label.
 */
class RequestRulesTest {

    private static ValidatorFactory validators;
    private static Locale before;
    private static RequestRules rules;

    @BeforeAll
    static void rules() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        validators = Validation.buildDefaultValidatorFactory();
        ResourceBundleMessageSource labels = new ResourceBundleMessageSource();
        labels.setBasename("messages");
        labels.setDefaultEncoding("UTF-8");
        labels.setFallbackToSystemLocale(false);
        rules = new RequestRules(validators.getValidator(), labels);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void close() {
        validators.close();
        Locale.setDefault(before);
        LocaleContextHolder.resetLocaleContext();
    }

    private static IssueDirectiveRequest directive(String title, List<String> unitIds, Map<String, BigDecimal> targets) {
        return new IssueDirectiveRequest("osaka", "invite-buyers", title, null, LocalDate.of(2030, 2, 1), null, unitIds, targets);
    }

    @Test
    void aRequestThatKeepsItsRulesPassesUnchanged() {
        ProgressRequest report = new ProgressRequest(40, "half the buyers invited", null, null, Map.of("buyersInvited", BigDecimal.TEN));
        assertThat(rules.check(report)).isSameAs(report);
    }

    @Test
    void aFieldOutOfRangeIsNamedWithItsRule() {
        assertThatThrownBy(() -> rules.check(new ProgressRequest(101, null, null, null, null)))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(DomainRuleViolation.Kind.INVALID);
                    assertThat(refused.field()).isEqualTo("percent");
                    assertThat(refused.getMessage()).as("the field by its label, in the reader's language")
                            .isEqualTo("Percent done must be less than or equal to 100");
                });
    }

    @Test
    void aMapValueIsNamedByItsKeyAndAListElementByItsPlace() {
        assertThatThrownBy(() -> rules.check(new ProgressRequest(40, null, null, null, Map.of("buyersInvited", new BigDecimal("-1")))))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refused -> assertThat(refused.field()).isEqualTo("figures[buyersInvited]"));
        assertThatThrownBy(() -> rules.check(directive("Invite", List.of("shenyang", " "), Map.of())))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refused -> assertThat(refused.field()).isEqualTo("unitIds[1]"));
    }

    @Test
    void aDirectiveInsideADecisionIsNamedByItsPlaceInTheDecision() {
        DecisionRequest decision = new DecisionRequest("invite more buyers", List.of(directive("Invite", List.of("shenyang"), Map.of()),
                directive("", List.of("dalian"), Map.of())));
        assertThatThrownBy(() -> rules.check(decision))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refused -> assertThat(refused.field()).isEqualTo("directives[1].title"));
    }
}
