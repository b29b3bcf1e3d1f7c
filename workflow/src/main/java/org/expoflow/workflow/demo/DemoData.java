package org.expoflow.workflow.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.expo.EnrolUnit;
import org.expoflow.commands.api.directive.IssueDirective;
import org.expoflow.commands.api.expo.PlanExpo;
import org.expoflow.commands.api.task.ReportProgress;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.projections.api.ExpoList;
import org.expoflow.projections.api.ListExpos;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.engine.EngineIdentity;
import org.expoflow.workflow.engine.StepEngine;
import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.security.UserDirectory;
import org.expoflow.workflow.units.UnitRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo once: the users of the design (password {@value #DEMO_PASSWORD}) and the First
 * Liaoning Export Commodities (Japan, Osaka) Exhibition with its fifteen units, two directives issued to all
 * of them ("invite Japanese buyers", "organise exhibiting enterprises") and a few units under way: Shenyang
 * reporting, Dalian stuck without a buyer database, Anshan's invitations waiting for the office's review.
 * Everything is written as the province's office writes it, in Chinese; the units also have their English
 * names, which readers of English see beside the Chinese. Prints the users.
 */
@Component
@Order(10)
@Profile("demo")
public class DemoData implements ApplicationRunner {

    public static final String DEMO_PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoUnit(String id, String name, String englishName, UnitKind kind) {
    }

    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("shenyang", "沈阳市", "Shenyang", UnitKind.CITY),
            new DemoUnit("dalian", "大连市", "Dalian", UnitKind.CITY),
            new DemoUnit("anshan", "鞍山市", "Anshan", UnitKind.CITY),
            new DemoUnit("fushun", "抚顺市", "Fushun", UnitKind.CITY),
            new DemoUnit("benxi", "本溪市", "Benxi", UnitKind.CITY),
            new DemoUnit("dandong", "丹东市", "Dandong", UnitKind.CITY),
            new DemoUnit("jinzhou", "锦州市", "Jinzhou", UnitKind.CITY),
            new DemoUnit("yingkou", "营口市", "Yingkou", UnitKind.CITY),
            new DemoUnit("fuxin", "阜新市", "Fuxin", UnitKind.CITY),
            new DemoUnit("liaoyang", "辽阳市", "Liaoyang", UnitKind.CITY),
            new DemoUnit("panjin", "盘锦市", "Panjin", UnitKind.CITY),
            new DemoUnit("tieling", "铁岭市", "Tieling", UnitKind.CITY),
            new DemoUnit("chaoyang", "朝阳市", "Chaoyang", UnitKind.CITY),
            new DemoUnit("huludao", "葫芦岛市", "Huludao", UnitKind.CITY),
            new DemoUnit("shenfu", "沈抚示范区", "Shenfu Demonstration Zone", UnitKind.CITY));

    private final UserDirectory users;
    private final ActingContext acting;
    private final QueryGateway queries;
    private final EngineIdentity engineIdentity;
    private final UnitRegister register;
    private final StepEngine steps;
    private final ZoneId provinceZone;

    public DemoData(UserDirectory users, ActingContext acting, QueryGateway queries, EngineIdentity engineIdentity,
                    UnitRegister register, StepEngine steps, @Value("${expoflow.time-zone}") ZoneId provinceZone) {
        this.register = register;
        this.steps = steps;
        this.provinceZone = provinceZone;
        this.users = users;
        this.acting = acting;
        this.queries = queries;
        this.engineIdentity = engineIdentity;
    }

    @Override
    public void run(ApplicationArguments args) {
        UNITS.forEach(unit -> register.register(unit.id(), unit.name(), unit.englishName(), unit.kind()));
        if (users.isEmpty()) {
            users.add("coordinator", DEMO_PASSWORD, Role.COORDINATOR, null, "督办处 王明");
            users.add("leader", DEMO_PASSWORD, Role.LEADER, null, "厅领导 李华");
            users.add("admin", DEMO_PASSWORD, Role.ADMIN, null, "信息中心 赵强");
            UNITS.forEach(unit -> users.add(unit.id(), DEMO_PASSWORD, Role.CITY, unit.id(), unit.name()));
        }
        // the security administrator and the auditor came later than the others: added to a demo database kept since
        // (postgres,demo). Demo users sign in with the demo password as already chosen: no change asked at first sign-in
        if (users.find("security").isEmpty()) {
            users.add("security", DEMO_PASSWORD, Role.SECURITY_ADMIN, null, "信息中心 安全管理员 孙丽");
        }
        if (users.find("auditor").isEmpty()) {
            users.add("auditor", DEMO_PASSWORD, Role.AUDITOR, null, "审计员 周平");
        }
        if (queries.query(new ListExpos(), ExpoList.class).join().expos().isEmpty()) {
            planOsakaExhibition();
        }
        log.info("""

                ExpoFlow demo users, all with the password '{}':
                  coordinator  expo office: plans expos, issues and reviews directives
                  leader       leadership: board and figures
                  admin        IT operator: kinds, units, robots, read models (also signs in to /camunda)
                  security     security administrator: users, roles, passwords (/admin/users)
                  auditor      auditor: reads and exports the security audit log (/audit)
                  {}  one per unit: city clerks of their own unit
                """, DEMO_PASSWORD, String.join(", ", UNITS.stream().map(DemoUnit::id).toList()));
    }

    private void planOsakaExhibition() {
        String invite;
        String enterprises;
        try (EngineIdentity.Acting office = engineIdentity.actAs("coordinator", List.of("coordinator"))) {
            String expoId = UUID.randomUUID().toString();
            acting.send(new PlanExpo(acting.currentActor(), expoId, "首届辽宁出口商品（日本·大阪）展览会", "大阪国际展览中心", LocalDate.now().plusMonths(4), LocalDate.now().plusMonths(4).plusDays(3)));
            UNITS.forEach(unit -> acting.send(new EnrolUnit(acting.currentActor(), expoId, unit.id(),
                    register.find(unit.id()).orElseThrow().bilingualName(), unit.kind())));
            List<String> everyUnit = UNITS.stream().map(DemoUnit::id).toList();
            invite = issue(expoId, "invite-buyers", "邀请日本采购商", 45, everyUnit,
                    Map.of("buyersInvited", BigDecimal.valueOf(50)));
            enterprises = issue(expoId, "organise-enterprises", "组织参展企业", 30,
                    everyUnit, Map.of("exhibitingEnterprises", BigDecimal.valueOf(10)));
        }

        // a few units are under way, so the board, the task lists and the review queue show something at once
        as("shenyang", () -> {
            submit(invite, "shenyang", Map.of("invitationList", "关西地区机械采购商；大阪商工会议所"));
            report(invite, "shenyang", 60, "已发出邀请函30份", null, null, Map.of("buyersInvited", BigDecimal.valueOf(30)));
        });
        as("anshan", () -> {
            submit(invite, "anshan", Map.of("invitationList", "神户钢材贸易商"));
            submit(invite, "anshan", Map.of("buyersInvited", 42L));
            submit(invite, "anshan", Map.of("buyersConfirmed", 25L));
        });
        as("dalian", () -> {
            report(invite, "dalian", 20, "名单起草过半", "缺少日本采购商数据库", "建议共享沈阳市的采购商名单", Map.of());
            report(enterprises, "dalian", 40, "海产品、轴承企业已报名", null, null,
                    Map.of("exhibitingEnterprises", BigDecimal.valueOf(4)));
        });
    }

    private String issue(String expoId, String kind, String title, int daysLeft, List<String> units,
                         Map<String, BigDecimal> targets) {
        String directiveId = UUID.randomUUID().toString();
        LocalDate dueOn = LocalDate.now(provinceZone).plusDays(daysLeft);
        acting.send(new IssueDirective(acting.currentActor(), directiveId, expoId, kind, title, null, dueOn,
                dueOn.atTime(23, 59, 59).atZone(provinceZone).toInstant(), units, targets, Instant.now(), null));
        return directiveId;
    }

    private void as(String unitId, Runnable work) {
        try (EngineIdentity.Acting clerk = engineIdentity.actAs(unitId, List.of(unitId))) {
            work.run();
        }
    }

    private void submit(String directiveId, String unitId, Map<String, Object> form) {
        steps.submitForm(steps.openStepOf(directiveId, unitId), form);
    }

    private void report(String directiveId, String unitId, int percent, String note, String problems, String suggestions,
                        Map<String, BigDecimal> figures) {
        acting.send(new ReportProgress(steps.openStepOf(directiveId, unitId), acting.currentActor(), percent, note, problems,
                suggestions, figures));
    }
}
