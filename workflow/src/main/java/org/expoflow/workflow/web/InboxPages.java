package org.expoflow.workflow.web;

import org.expoflow.workflow.notifications.Inbox;
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
    @ControllerAdvice(basePackages = "org.expoflow.workflow.web")
    static class UnreadCount {

        private final Inbox inbox;

        UnreadCount(Inbox inbox) {
            this.inbox = inbox;
        }

        @ModelAttribute("unread")
        Long unread(Authentication authentication) {
            return authentication != null && authentication.getPrincipal() instanceof ExpoFlowUser user ? inbox.unread(user) : null;
        }
    }

    /** Who is signed in, as people call them (张三 of 沈阳市), on every page's header rather than the user name. */
    @ControllerAdvice(basePackages = "org.expoflow.workflow.web")
    static class SignedInName {

        private final UserDirectory people;

        SignedInName(UserDirectory people) {
            this.people = people;
        }

        @ModelAttribute("signedInName")
        String signedInName(Authentication authentication) {
            if (authentication == null || !(authentication.getPrincipal() instanceof ExpoFlowUser user)) {
                return null;
            }
            String name = people.displayNames().get(user.getUsername());
            return name == null || name.isBlank() ? user.getUsername() : name;
        }
    }
}
