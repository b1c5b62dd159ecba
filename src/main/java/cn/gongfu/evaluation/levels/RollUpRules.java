package cn.gongfu.evaluation.levels;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.evaluation.method.RollUp.Method;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.region.RegionService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's roll-up rules (汇总口径): for an indicator name in its region, how the regions below add up. Versioned
 * (a stale form is refused, 409) and audited; no rule means the one {@link cn.gongfu.evaluation.method.RollUp#infer}
 * gives.
 */
@Service
class RollUpRules {

    static final int MAX_NAME = 300;

    record Rule(Method method, String weightIndicator, int version) {}

    private final JdbcClient jdbc;
    private final RegionService regions;
    private final AuditLog audit;
    private final Clock clock;

    RollUpRules(JdbcClient jdbc, RegionService regions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    Map<String, Rule> of(String regionCode) {
        Map<String, Rule> rules = new HashMap<>();
        jdbc.sql("select indicator_name, method, weight_indicator, version from roll_up_rule where region_code = :r")
                .param("r", regionCode).query(rs -> {
                    rules.put(rs.getString(1), new Rule(Method.of(rs.getString(2)), rs.getString(3), rs.getInt(4)));
                });
        return rules;
    }

    /**
     * Sets the rule of {@code indicator} in the region; {@code version} is the one the form showed (0 for an indicator
     * without a rule). The weight is for {@code weighted} only (blank: the default weight).
     */
    @Transactional
    Rule set(String regionCode, String indicator, String method, String weight, int version) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        if (regionCode == null || regionCode.isBlank()) throw new InvalidParameterException("region", "required");
        scope.requireRegion(regionCode, "region", regionCode);
        regions.find(regionCode).orElseThrow(() -> new NotFoundException("region", regionCode));
        String name = indicator == null ? "" : indicator.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) throw new InvalidParameterException("indicator", "1 to " + MAX_NAME + " characters");
        Method m;
        try {
            m = Method.of(method == null ? "" : method.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("method", "one of sum, weighted, none");
        }
        String w = m != Method.WEIGHTED || weight == null || weight.isBlank() ? null : weight.strip();
        if (w != null && w.length() > MAX_NAME) throw new InvalidParameterException("weight", "at most " + MAX_NAME + " characters");

        Rule before = of(regionCode).get(name);
        int current = before == null ? 0 : before.version();
        if (version != current) throw new StaleVersionException("roll-up rule " + name, version, current);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        String by = scope.user().username();
        if (before == null) {
            try {
                jdbc.sql("insert into roll_up_rule (region_code, indicator_name, method, weight_indicator, version, updated_by, updated_at)"
                            + " values (:r, :n, :m, :w, 1, :by, :at)")
                        .param("r", regionCode).param("n", name).param("m", m.code()).param("w", w).param("by", by).param("at", now).update();
            } catch (DuplicateKeyException e) {
                // another office user set the first rule of this indicator since the form was read
                throw new StaleVersionException("roll-up rule " + name, version, 1);
            }
        } else {
            int changed = jdbc.sql("update roll_up_rule set method = :m, weight_indicator = :w, version = version + 1, updated_by = :by,"
                            + " updated_at = :at where region_code = :r and indicator_name = :n and version = :v")
                    .param("r", regionCode).param("n", name).param("m", m.code()).param("w", w).param("by", by).param("at", now)
                    .param("v", current).update();
            if (changed == 0) throw new StaleVersionException("roll-up rule " + name, version, current + 1);
        }
        audit.record("levels.rule", "region:" + regionCode + " indicator:" + name,
                before == null ? null : before.method().code() + (before.weightIndicator() == null ? "" : " " + before.weightIndicator()),
                m.code() + (w == null ? "" : " " + w));
        return new Rule(m, w, current + 1);
    }
}
