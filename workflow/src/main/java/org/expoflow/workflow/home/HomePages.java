package org.expoflow.workflow.home;

import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.http.PageDoor;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role's own home (the sign-in page is {@link SignInPage}): a city's task list, the coordinator's console, leadership's board, ADMIN's administration, the security administrator's users, the auditor's log. */
@Controller
@PageDoor
public class HomePages {

    @GetMapping("/")
    public String home(@AuthenticationPrincipal ExpoFlowUser user) {
        return "redirect:" + homeOf(user);
    }

    public static String homeOf(ExpoFlowUser user) {
        return switch (user.role()) {
            case CITY -> "/tasks";
            case COORDINATOR -> "/console";
            case LEADER -> "/board";
            case ADMIN -> "/admin";
            case SECURITY_ADMIN -> "/admin/users";
            case AUDITOR -> "/audit";
        };
    }
}
