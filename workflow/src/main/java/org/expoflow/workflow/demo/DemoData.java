package org.expoflow.workflow.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.IdentityService;
import org.expoflow.commands.api.EnrolUnit;
import org.expoflow.commands.api.PlanExpo;
import org.expoflow.commands.api.UnitKind;
import org.expoflow.projections.api.ExpoList;
import org.expoflow.projections.api.ListExpos;
import org.expoflow.projections.support.ProjectionCatchUp;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.security.UserDirectory;
import org.expoflow.workflow.units.UnitRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo once: the users of the design (password {@value #DEMO_PASSWORD}) and the First
 * Liaoning Export Commodities (Japan, Osaka) Exhibition with its fifteen units. Prints the users.
 */
@Component
@Order(10)
@Profile("demo")
public class DemoData implements ApplicationRunner {

    public static final String DEMO_PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoUnit(String id, String name, UnitKind kind) {
    }

    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("shenyang", "沈阳市 Shenyang", UnitKind.CITY),
            new DemoUnit("dalian", "大连市 Dalian", UnitKind.CITY),
            new DemoUnit("anshan", "鞍山市 Anshan", UnitKind.CITY),
            new DemoUnit("fushun", "抚顺市 Fushun", UnitKind.CITY),
            new DemoUnit("benxi", "本溪市 Benxi", UnitKind.CITY),
            new DemoUnit("dandong", "丹东市 Dandong", UnitKind.CITY),
            new DemoUnit("jinzhou", "锦州市 Jinzhou", UnitKind.CITY),
            new DemoUnit("yingkou", "营口市 Yingkou", UnitKind.CITY),
            new DemoUnit("fuxin", "阜新市 Fuxin", UnitKind.CITY),
            new DemoUnit("liaoyang", "辽阳市 Liaoyang", UnitKind.CITY),
            new DemoUnit("panjin", "盘锦市 Panjin", UnitKind.CITY),
            new DemoUnit("tieling", "铁岭市 Tieling", UnitKind.CITY),
            new DemoUnit("chaoyang", "朝阳市 Chaoyang", UnitKind.CITY),
            new DemoUnit("huludao", "葫芦岛市 Huludao", UnitKind.CITY),
            new DemoUnit("shenfu", "沈抚示范区 Shenfu Demonstration Zone", UnitKind.CITY));

    private final UserDirectory users;
    private final ActingContext acting;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;
    private final IdentityService identityService;
    private final UnitRegister register;

    public DemoData(UserDirectory users, ActingContext acting, QueryGateway queries, ProjectionCatchUp catchUp,
                    IdentityService identityService, UnitRegister register) {
        this.register = register;
        this.users = users;
        this.acting = acting;
        this.queries = queries;
        this.catchUp = catchUp;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        UNITS.forEach(unit -> register.register(unit.id(), unit.name(), unit.kind()));
        if (users.isEmpty()) {
            users.add("coordinator", DEMO_PASSWORD, Role.COORDINATOR, null, "Expo office coordinator 督办管理员");
            users.add("leader", DEMO_PASSWORD, Role.LEADER, null, "Department leadership 厅领导");
            users.add("admin", DEMO_PASSWORD, Role.ADMIN, null, "IT operator");
            UNITS.forEach(unit -> users.add(unit.id(), DEMO_PASSWORD, Role.CITY, unit.id(), unit.name()));
        }
        catchUp.awaitHead();
        if (queries.query(new ListExpos(), ExpoList.class).join().expos().isEmpty()) {
            planOsakaExhibition();
        }
        log.info("""

                ExpoFlow demo users, all with the password '{}':
                  coordinator  expo office: plans expos, issues and reviews directives
                  leader       leadership: board and figures
                  admin        IT operator (also signs in to /camunda)
                  {}  one per unit: city clerks of their own unit
                """, DEMO_PASSWORD, String.join(", ", UNITS.stream().map(DemoUnit::id).toList()));
    }

    private void planOsakaExhibition() {
        identityService.setAuthentication("coordinator", List.of("coordinator"));
        try {
            String expoId = UUID.randomUUID().toString();
            acting.send(new PlanExpo(acting.currentActor(), expoId, "首届辽宁出口商品（日本·大阪）展览会 First Liaoning Export Commodities (Japan, Osaka) Exhibition",
                    "Intex Osaka", LocalDate.now().plusMonths(4), LocalDate.now().plusMonths(4).plusDays(3)));
            UNITS.forEach(unit -> acting.send(new EnrolUnit(acting.currentActor(), expoId, unit.id(), unit.name(), unit.kind())));
        } finally {
            identityService.clearAuthentication();
        }
        catchUp.awaitHead();
    }
}
