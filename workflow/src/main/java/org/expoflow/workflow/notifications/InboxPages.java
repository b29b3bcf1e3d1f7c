package org.expoflow.workflow.notifications;

import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.UserDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A person's messages: the inbox page, and opening a message, which marks it read and shows its step. */
@Controller
class InboxPages {

    private final Inbox inbox;

    InboxPages(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String inbox(@AuthenticationPrincipal ExpoFlowUser user, Model model) {
        model.addAttribute("items", inbox.of(user));
        return "inbox";
    }

    @PostMapping("/inbox/{notificationId}/read")
    String read(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String notificationId) {
        String taskId = inbox.read(user, notificationId);
        return taskId == null ? "redirect:/inbox" : "redirect:/tasks/" + taskId;
    }

    /** The number of unread messages, on every page's header. */
    @ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
    static class UnreadCount {

        private final Inbox inbox;

        UnreadCount(Inbox inbox) {
            this.inbox = inbox;
        }

        @ModelAttribute("unread")
        Long unread(Authentication authentication, jakarta.servlet.http.HttpServletRequest request) {
            // the advice reaches the REST doors too (a @RestController is a @Controller): they show no header
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                return null;
            }
            return authentication != null && authentication.getPrincipal() instanceof ExpoFlowUser user ? inbox.unread(user) : null;
        }
    }

    /** Who is signed in, as people call them (张三 of 沈阳市), on every page's header rather than the user name. */
    /**
     * Who is signed in, by display name, for the header of every page: a bean the layout calls rather than a
     * model attribute, so the error pages (rendered outside these controllers) name the reader too.
     */
    @org.springframework.stereotype.Component("signedIn")
    static class SignedInName {

        private final UserDirectory people;

        SignedInName(UserDirectory people) {
            this.people = people;
        }

        public String name(Authentication authentication) {
            if (authentication == null || !(authentication.getPrincipal() instanceof ExpoFlowUser user)) {
                return authentication == null ? "" : authentication.getName();
            }
            String name = people.displayNames().get(user.getUsername());
            return name == null || name.isBlank() ? user.getUsername() : name;
        }
    }
}
