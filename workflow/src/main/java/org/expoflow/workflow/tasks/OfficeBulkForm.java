package org.expoflow.workflow.tasks;

import org.expoflow.workflow.http.PageErrors;
import java.util.ArrayList;
import java.util.List;

import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.tasks.OfficeStepWork.BulkAction;
import org.expoflow.workflow.tasks.OfficeStepWork.BulkOutcome;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's action on the steps it ticked on a page (the console's overdue list, a task list): chase them up,
 * extend, reassign or approve them at once. The page returned to says how many were done and, for each one
 * refused, why; a form wrong as a whole is refused at its field and nothing is done.
 */
@Component
public class OfficeBulkForm {

    /** What the form sends: the action, the steps ticked ({@code taskId}, repeated) and what the action needs. */
    public record Fields(BulkAction action, List<String> taskId, String message, String dueOn, String unitId, String reason,
                  String comment, String grade) {
    }

    public static final String DONE_COUNT = "bulkDone";
    public static final String REFUSED = "bulkRefused";

    private final OfficeStepWork officeWork;
    private final PageErrors pageErrors;

    OfficeBulkForm(OfficeStepWork officeWork, PageErrors pageErrors) {
        this.officeWork = officeWork;
        this.pageErrors = pageErrors;
    }

    public void run(ExpoFlowUser user, Fields fields, RedirectAttributes redirect) {
        List<List<BulkOutcome>> outcomes = new ArrayList<>();
        if (pageErrors.attempt(redirect, () -> outcomes.add(officeWork.bulk(user, new OfficeStepWork.BulkRequest(fields.action(),
                fields.taskId() == null ? List.of() : fields.taskId(),
                fields.action() == BulkAction.EXTEND ? pageErrors.date(fields.dueOn(), "dueOn") : null, null,
                blankToNull(fields.unitId()), blankToNull(fields.reason()),
                // a page has one text field: an approval's comment, a chase-up's message
                blankToNull(fields.comment() == null && fields.action() == BulkAction.APPROVE ? fields.message() : fields.comment()),
                blankToNull(fields.message()), fields.action() == BulkAction.CHASE_UP ? blankToNull(fields.grade()) : null))))) {
            List<BulkOutcome> each = outcomes.get(0);
            redirect.addFlashAttribute(DONE_COUNT, each.stream().filter(BulkOutcome::done).count());
            redirect.addFlashAttribute(REFUSED, each.stream().filter(outcome -> !outcome.done()).toList());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
