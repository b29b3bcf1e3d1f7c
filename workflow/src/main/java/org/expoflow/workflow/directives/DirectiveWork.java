package org.expoflow.workflow.directives;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.directive.CommentOnDirective;
import org.expoflow.commands.api.directive.IssueDirective;
import org.expoflow.commands.api.directive.WithdrawDirective;
import org.expoflow.projections.api.ExpoSummary;
import org.expoflow.projections.api.FindDirective;
import org.expoflow.projections.api.FindDirectiveComments;
import org.expoflow.projections.api.FindDirectivesTitled;
import org.expoflow.projections.api.FindTasks;
import org.expoflow.projections.api.TaskPage;
import org.expoflow.workflow.application.ProvinceDeadlines;
import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.application.RequestRules;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.engine.DirectiveProcesses;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.kinds.DirectiveKind;
import org.expoflow.workflow.kinds.DirectiveKindCatalogue;
import org.expoflow.workflow.kinds.KindTexts;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A directive's life as the office runs it: issued to enrolled units under one of the deployed kinds, with
 * a deadline and per-unit targets for the figures the kind collects (one process per unit starts at once,
 * in the command's transaction), and withdrawn with a reason, which ends every unit's open work on it.
 * A meeting's decision issues directives the same way ({@link #commandFor}).
 */
@Service
public class DirectiveWork {

    private final ActingContext acting;
    private final DirectiveKindCatalogue kinds;
    private final DirectiveProcesses processes;
    private final TransactionTemplate transactions;
    private final ExpoWork expos;
    private final ProvinceDeadlines deadlines;
    private final Clock clock;
    private final RequestRules rules;
    private final Refusals refusals;

    private final QueryGateway queries;
    private final KindTexts kindTexts;

    public DirectiveWork(ActingContext acting, DirectiveKindCatalogue kinds,
                         DirectiveProcesses processes, TransactionTemplate transactions, ExpoWork expos,
                         ProvinceDeadlines deadlines, Clock clock, RequestRules rules, Refusals refusals,
                         QueryGateway queries, KindTexts kindTexts) {
        this.kindTexts = kindTexts;
        this.queries = queries;
        this.acting = acting;
        this.kinds = kinds;
        this.processes = processes;
        this.transactions = transactions;
        this.expos = expos;
        this.deadlines = deadlines;
        this.clock = clock;
        this.rules = rules;
        this.refusals = refusals;
    }

    /**
     * {@code dueOn} is the last day, in the province's time zone; {@code dueAt}, when given, is the precise
     * instant and wins. Targets are per unit. {@code reportEvery}: each unit reports its progress this often until
     * done (an ISO-8601 period of at least a day: {@code P7D} weekly, {@code P1M} monthly), or not at all.
     * {@code cooperatingUnits}: per unit leading a task (牵头), the enrolled units co-operating on it (协办).
     * {@code duplicateTitle}: true when the office means to issue a title the expo has in force already (else 409 naming
     * {@code title}).
     */
    public record IssueDirectiveRequest(@NotBlank String expoId, @NotBlank String kind,
                                        @NotBlank @Size(max = 300) String title,
                                        @Size(max = 4000) String instructions,
                                        LocalDate dueOn, Instant dueAt,
                                        @NotEmpty @Size(max = 200) List<@NotBlank String> unitIds,
                                        Map<String, @NotNull BigDecimal> targets,
                                        @Size(max = 20) String reportEvery,
                                        Map<String, @Size(max = 50) List<@NotBlank String>> cooperatingUnits,
                                        Boolean duplicateTitle) {

        /** A directive whose title is not meant to repeat one in force. */
        public IssueDirectiveRequest(String expoId, String kind, String title, String instructions, LocalDate dueOn,
                                     Instant dueAt, List<String> unitIds, Map<String, BigDecimal> targets, String reportEvery,
                                     Map<String, List<String>> cooperatingUnits) {
            this(expoId, kind, title, instructions, dueOn, dueAt, unitIds, targets, reportEvery, cooperatingUnits, null);
        }

        /** A directive without reporting cadence or co-operating units. */
        public IssueDirectiveRequest(String expoId, String kind, String title, String instructions, LocalDate dueOn,
                                     Instant dueAt, List<String> unitIds, Map<String, BigDecimal> targets) {
            this(expoId, kind, title, instructions, dueOn, dueAt, unitIds, targets, null, null);
        }
    }

    /** Why the office withdraws a directive: kept with it and on the units' steps it ends. */
    public record WithdrawRequest(@NotBlank @Size(max = 2000) String reason) implements RequestRules.Worded {

        @Override
        public String thing() {
            return "withdrawal";
        }
    }

    /** A comment on a directive as a whole; with {@code instruction}, leadership's instruction to all its units. */
    public record DirectiveCommentRequest(@NotBlank @Size(max = 2000) String text, boolean instruction) implements RequestRules.Worded {

        @Override
        public String thing() {
            return instruction ? "instruction" : "comment";
        }
    }

    /**
     * Someone concerned comments on a directive: the office, leadership, or a unit on it (a lead or a co-operating
     * unit); leadership's instruction reaches every unit on it.
     */
    public void comment(ExpoFlowUser user, String directiveId, DirectiveCommentRequest request) {
        rules.check(request);
        thread(user, directiveId);
        try {
            acting.send(new CommentOnDirective(directiveId, acting.currentActor(), request.text(), request.instruction()));
        } catch (AggregateNotFoundException e) {
            throw refusals.notFound("directiveId", "noDirective");
        }
    }

    /** A directive's own thread, oldest first, for the office, leadership and the units on it. */
    public FindDirectiveComments.Thread thread(ExpoFlowUser user, String directiveId) {
        FindDirectiveComments.Thread thread = queries.query(new FindDirectiveComments(directiveId),
                FindDirectiveComments.Thread.class).join();
        if (thread.title() == null) {
            throw refusals.notFound("directiveId", "noDirective");
        }
        if (user.isCity() && queries.query(new FindTasks(null, user.unitId(), null, directiveId, null, 0, 1, null),
                TaskPage.class).join().items().isEmpty()) {
            throw new AccessDeniedException(refusals.text("directiveOfOtherUnits"));
        }
        return thread;
    }

    /** The directive kinds that can be issued, with their steps and figures, by their names in the reader's language. */
    public List<DirectiveKind> kinds() {
        java.util.Locale reader = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        java.text.Collator collator = java.text.Collator.getInstance(reader);
        // kinds named in the reader's language first; one uploaded without its words comes after, under its own name
        return kinds.all().stream().sorted(java.util.Comparator.comparing(
                        (DirectiveKind kind) -> kindTexts.kind(kind.key(), kind.name()).equals(kind.name()))
                .thenComparing(kind -> kindTexts.kind(kind.key(), kind.name()), collator)).toList();
    }

    /** Issues a directive; its id. */
    @PreAuthorize("hasRole('COORDINATOR')")
    public String issue(IssueDirectiveRequest request) {
        // every field at fault at once: the rules', and the deadline a form may have left empty
        Optional<DomainRuleViolation> refused = rules.refusal(request);
        if (request.dueOn() == null && request.dueAt() == null) {
            DomainRuleViolation noDeadline = refusals.invalid("dueOn", "directiveDeadlineMissing");
            refused = Optional.of(refused.map(first -> first.and(noDeadline)).orElse(noDeadline));
        }
        if (refused.isPresent()) {
            throw refused.get();
        }
        IssueDirective command = commandFor(request, "", null);
        if (!Boolean.TRUE.equals(request.duplicateTitle())) {
            checkTitleNotInForce(command.expoId(), command.title());
        }
        try {
            acting.send(command);
        } catch (RuntimeException failed) {
            throw kindCannotStart(request.kind(), failed, "kind");
        }
        return command.directiveId();
    }

    /**
     * A failure to issue, said as the kind's process that did not start for a unit (its model at fault, not the
     * request) when the engine refused to start it; any other failure as it was.
     */
    public RuntimeException kindCannotStart(String kind, RuntimeException refused, String field) {
        return DirectiveProcesses.startRefusal(refused)
                .<RuntimeException>map(engineWords -> refusals.invalid(field, "kindCannotStart", kind, engineWords))
                .orElse(refused);
    }

    /**
     * A title issued twice in one expo is a mistake more often than not: issued again while one with that title is in
     * force (not withdrawn), it is refused with 409 naming {@code title}, the earlier one's date said, unless the
     * request says it means it ({@code duplicateTitle}).
     */
    private void checkTitleNotInForce(String expoId, String title) {
        List<FindDirectivesTitled.Titled> same = queries.query(new FindDirectivesTitled(expoId, title),
                FindDirectivesTitled.Found.class).join().directives();
        if (!same.isEmpty()) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "title", "a directive titled '" + title
                    + "' is in force in this expo already; send duplicateTitle: true to issue it again")
                    .coded("duplicateTitle", title, same.get(same.size() - 1).issuedAt(), same.size());
        }
    }

    /** A directive with its units and, once withdrawn, when and why: for the office and leadership. */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'LEADER')")
    public FindDirective.Directive get(String directiveId) {
        FindDirective.Directive directive = queries.query(new FindDirective(directiveId), FindDirective.Directive.class).join();
        if (directive == null) {
            throw refusals.notFound("directiveId", "noDirective");
        }
        return directive;
    }

    /**
     * Withdraws a directive for a reason, kept with it and on each of its units' steps ended: every unit's open work on
     * it ends. Answers how many units' work it ended.
     */
    @PreAuthorize("hasRole('COORDINATOR')")
    public int withdraw(String directiveId, WithdrawRequest request) {
        rules.check(request);
        return transactions.execute(status -> {
            try {
                acting.send(new WithdrawDirective(directiveId, acting.currentActor(), request.reason()));
            } catch (AggregateNotFoundException e) {
                throw DomainRuleViolation.notFound("directiveId", "no directive with id " + directiveId).coded("noDirective");
            }
            return processes.endAll(directiveId, request.reason().strip());
        });
    }

    /**
     * The command for a checked request, after what only the application knows: the kind is deployed, the
     * units are enrolled, the targets are figures the kind collects, the deadline. Fields are named under
     * {@code fieldPrefix} ({@code directives[0].} for a meeting's decision).
     */
    public IssueDirective commandFor(IssueDirectiveRequest request, String fieldPrefix, String meetingId) {
        ExpoSummary expo = expos.get(request.expoId());
        DirectiveKind kind = kinds.find(request.kind()).orElseThrow(() -> refusals.invalid(fieldPrefix + "kind",
                "unknownKind", request.kind()));
        Set<String> enrolled = expo.units().stream().map(ExpoSummary.EnrolledUnit::unitId).collect(Collectors.toSet());
        for (int i = 0; i < request.unitIds().size(); i++) {
            if (!enrolled.contains(request.unitIds().get(i))) {
                throw refusals.invalid(fieldPrefix + "unitIds[" + i + "]", "notEnrolled", request.unitIds().get(i));
            }
        }
        Map<String, BigDecimal> targets = request.targets() == null ? Map.of() : request.targets();
        for (String figure : targets.keySet()) {
            if (!kind.figures().contains(figure)) {
                throw refusals.invalid(fieldPrefix + "targets." + figure, "figureNotCollected",
                        refusals.word("figure." + figure, figure));
            }
        }
        Instant dueAt = deadlines.of(request.dueOn(), request.dueAt());
        if (dueAt == null) {
            throw refusals.invalid(fieldPrefix + "dueOn", "directiveDeadlineMissing");
        }
        Map<String, List<String>> cooperating = request.cooperatingUnits() == null ? Map.of() : request.cooperatingUnits();
        cooperating.forEach((lead, units) -> {
            for (String unit : units == null ? List.<String>of() : units) {
                if (!enrolled.contains(unit)) {
                    throw refusals.invalid(fieldPrefix + "cooperatingUnits." + lead, "notEnrolled", unit);
                }
            }
        });
        return new IssueDirective(acting.currentActor(), UUID.randomUUID().toString(), expo.id(), kind.key(),
                request.title().strip(), request.instructions(), request.dueOn(), dueAt, request.unitIds(), targets,
                clock.instant(), meetingId, request.reportEvery(), cooperating, Set.copyOf(kind.figures()));
    }
}
