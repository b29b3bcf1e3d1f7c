package org.expoflow.workflow.engine;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.expoflow.commands.api.task.AcknowledgeChaseUp;
import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.commands.api.task.ChaseUpTask;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.task.EscalateTask;
import org.expoflow.commands.api.task.RecordTaskDueSoon;
import org.expoflow.commands.api.task.RecordTaskOverdue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generic delegates a BPMN names by expression (never by class) to record a deadline milestone on
 * the step it watches: {@code ${taskDueSoon}}, {@code ${taskOverdue}}, {@code ${taskChasedUp}} (reads the
 * variable {@code message}), {@code ${chaseUpAcknowledged}} (reads {@code reply}) and
 * {@code ${taskEscalated}}. Each needs {@code supervisedTaskId}; the timed ones also {@code dueAt}, the
 * deadline their timer was set for, so a timer set for a deadline since extended records nothing.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineDelegates {

    private static final String GRADE = DeadlineSupervision.GRADE;
    /** The grades, as a refusal lists them. */
    static final String GRADES = "URGE, SUPERVISE, NOTIFY";

    @Bean
    JavaDelegate taskDueSoon(ActingContext acting) {
        return execution -> acting.send(new RecordTaskDueSoon(supervised(execution), deadline(execution)));
    }

    @Bean
    JavaDelegate taskOverdue(ActingContext acting) {
        return execution -> acting.send(new RecordTaskOverdue(supervised(execution), deadline(execution)));
    }

    @Bean
    JavaDelegate taskChasedUp(ActingContext acting) {
        return execution -> acting.send(new ChaseUpTask(supervised(execution), acting.currentActor(),
                (String) execution.getVariable("message"), grade(execution.getVariable(GRADE))));
    }

    /** A chase-up's grade, by its name; none is a 督办, as before grades (the engine's own API may leave it out). */
    static ChaseUpGrade grade(Object given) {
        if (given == null || given.toString().isBlank()) {
            return ChaseUpGrade.DEFAULT;
        }
        try {
            return ChaseUpGrade.valueOf(given.toString().strip());
        } catch (IllegalArgumentException e) {
            throw DomainRuleViolation.invalid(GRADE, "a chase-up's grade is one of " + Arrays.toString(ChaseUpGrade.values())
                    + ", not " + given).coded("chaseUpGradeUnknown", given.toString(), GRADES);
        }
    }

    @Bean
    JavaDelegate chaseUpAcknowledged(ActingContext acting) {
        return execution -> acting.send(new AcknowledgeChaseUp(supervised(execution), acting.currentActor(),
                (String) execution.getVariable("reply")));
    }

    @Bean
    JavaDelegate taskEscalated(ActingContext acting) {
        return execution -> acting.send(new EscalateTask(supervised(execution), deadline(execution)));
    }

    private static String supervised(DelegateExecution execution) {
        return (String) execution.getVariable(DeadlineSupervision.SUPERVISED_TASK_ID);
    }

    private static Instant deadline(DelegateExecution execution) {
        Object dueAt = execution.getVariable(DeadlineSupervision.DUE_AT);
        return dueAt instanceof Date date ? date.toInstant() : Instant.parse(dueAt.toString());
    }
}
