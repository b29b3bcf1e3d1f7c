package org.expoflow.workflow.notifications;

import java.util.List;
import java.util.Map;

import org.expoflow.workflow.notifications.Inbox.InboxItem;
import org.expoflow.workflow.notifications.Inbox.Receipt;
import org.expoflow.workflow.notifications.Deliveries.Delivery;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST door to the inbox and, for ADMIN, to the units' group robots and what was delivered to them. */
@RestController
@Tag(name = "Notifications", description = "Your inbox; the units' group robots (WeCom, DingTalk) and their deliveries")
public class NotificationController {

    private final Inbox inbox;
    private final Deliveries webhooks;

    public NotificationController(Inbox inbox, Deliveries webhooks) {
        this.inbox = inbox;
        this.webhooks = webhooks;
    }

    /** A unit's group robot. */
    public record WebhookRequest(String url) {
    }

    @GetMapping("/api/inbox")
    @Operation(summary = "Your messages, newest first, in your language")
    public List<InboxItem> inbox(@AuthenticationPrincipal ExpoFlowUser user) {
        return inbox.of(user);
    }

    @GetMapping("/api/inbox/unread-count")
    @Operation(summary = "How many of your messages are unread")
    public Map<String, Long> unread(@AuthenticationPrincipal ExpoFlowUser user) {
        return Map.of("unread", inbox.unread(user));
    }

    @PostMapping("/api/inbox/{notificationId}/read")
    @Operation(summary = "Mark one of your messages read")
    public ResponseEntity<Void> read(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String notificationId) {
        inbox.read(user, notificationId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/inbox/read-all")
    @Operation(summary = "Mark all your messages read; how many were unread")
    public Map<String, Integer> readAll(@AuthenticationPrincipal ExpoFlowUser user) {
        return Map.of("marked", inbox.readAll(user));
    }

    @GetMapping("/api/tasks/{taskId}/notices")
    @Operation(summary = "What the units were told about a step (chase-ups, reminders), whether they read it (已读, when)"
            + " and a chase-up's reply; for the office and leadership")
    public List<Receipt> receipts(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId) {
        return inbox.receipts(user, taskId);
    }

    @PutMapping("/api/admin/units/{unitId}/webhook")
    @Operation(summary = "Set a unit's group robot (an http(s) webhook address of WeCom or DingTalk)")
    public ResponseEntity<Void> webhook(@PathVariable String unitId, @RequestBody WebhookRequest request) {
        webhooks.setWebhook(unitId, request.url());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/admin/units/webhooks")
    @Operation(summary = "Every unit's own group robot, by unit id")
    public Map<String, String> webhooks() {
        return webhooks.webhooks();
    }

    @PostMapping("/api/admin/units/{unitId}/webhook/test")
    @Operation(summary = "Send a test message to a unit's group robot now; whether it got through, and why not")
    public Deliveries.RobotTest testWebhook(@PathVariable String unitId) {
        return webhooks.sendTest(unitId);
    }

    @PostMapping("/api/admin/notifications/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a failed (or waiting) delivery again at the next dispatch, with a fresh round of attempts")
    public ResponseEntity<Void> retry(@PathVariable String deliveryId) {
        webhooks.retry(deliveryId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/admin/notifications/deliveries")
    @Operation(summary = "What was sent to the group robots, and what failed, newest first")
    public List<Delivery> deliveries(@RequestParam(required = false) String state) {
        return webhooks.deliveries(state);
    }
}
