package cn.gongfu.region;

import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Where;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RegionService {

    private static final Rows<Region> MAPPER = Rows.of(Region.class);

    private final JdbcClient jdbc;
    private final Pager pager;
    private final JdbcTemplate batch;

    public RegionService(JdbcClient jdbc, Pager pager, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.pager = pager;
        this.batch = batch;
    }

    public PageResult<Region> list(String parentCode, String level, String text, PageRequest page) {
        Where where = new Where()
                .and("parent_code = :parent", "parent", parentCode)
                .and("level = :level", "level", level)
                .containing("text", text, "name", "code");
        return pager.page("code, name, level, parent_code", "from region", where, "code", page, MAPPER);
    }

    /** Every region, in code order: reference data for selectors (not paged, so none is ever cut off). */
    public List<Region> all() {
        return jdbc.sql("select code, name, level, parent_code from region order by code").query(MAPPER).list();
    }

    /**
     * The provinces, cities and counties the caller's scope covers, in code order: the regions that have regions and
     * plans below them, which the comparison pages (target consistency, 分级晾晒) offer to choose from.
     */
    public List<Region> coveredAboveTowns() {
        cn.gongfu.kernel.Scope scope = cn.gongfu.kernel.Scope.current();
        java.util.Set<String> levels = java.util.Set.of("province", "city", "county");
        return all().stream().filter(r -> levels.contains(r.level()) && scope.coversRegion(r.code())).toList();
    }

    /** Every region's name by its code, for labelling rows that carry only the code. */
    public Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select code, name from region").query(rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }

    /**
     * Adds regions, each after its parent (a parent is either listed before it or already known): a generated data
     * set's province, cities, counties and towns. A code already taken or an unknown parent is refused whole.
     */
    @Transactional
    public void create(List<Region> regions) {
        // the region tree is set-up: the system (a generator, the demo) or an administrator, nobody else
        cn.gongfu.kernel.Scope scope = cn.gongfu.kernel.Scope.current();
        if (!scope.system()) scope.require(cn.gongfu.kernel.Role.ADMIN);
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (Region r : regions) {
            if (r.code() == null || !r.code().matches("[0-9]{6,12}")) throw new InvalidParameterException("code", "6–12 digits: " + r.code());
            if (!LEVELS.contains(r.level())) throw new InvalidParameterException("level", "must be one of " + LEVELS);
            if (r.parentCode() != null && !listed.contains(r.parentCode()) && find(r.parentCode()).isEmpty()) {
                throw new InvalidParameterException("parentCode", "unknown parent " + r.parentCode() + " of " + r.code());
            }
            if (!listed.add(r.code())) throw new InvalidParameterException("code", r.code() + " appears twice");
        }
        List<String> codes = regions.stream().map(Region::code).toList();
        if (!codes.isEmpty() && jdbc.sql("select count(*) from region where code in (:c)").param("c", codes).query(Long.class).single() > 0) {
            throw new InvalidParameterException("code", "some of these regions exist already");
        }
        batch.batchUpdate("insert into region (code, name, level, parent_code) values (?, ?, ?, ?)", regions, 1000, (ps, r) -> {
            ps.setString(1, r.code());
            ps.setString(2, r.name());
            ps.setString(3, r.level());
            ps.setString(4, r.parentCode());
        });
    }

    /** The levels a region may have (region.level). */
    public static final List<String> LEVELS = List.of("province", "city", "county", "town", "village");

    public Optional<Region> find(String code) {
        return jdbc.sql("select code, name, level, parent_code from region where code = :code")
                .param("code", code).query(MAPPER).optional();
    }

    public Region get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("region", code));
    }

    /** The region and its ancestors, from the top (province) down. */
    public List<Region> pathTo(String code) {
        return jdbc.sql("""
                with recursive up (code, name, level, parent_code, depth) as (
                    select code, name, level, parent_code, 0 from region where code = :code
                    union all
                    select r.code, r.name, r.level, r.parent_code, up.depth + 1
                    from region r join up on r.code = up.parent_code)
                select code, name, level, parent_code from up order by depth desc""")
                .param("code", code).query(MAPPER).list();
    }
}
