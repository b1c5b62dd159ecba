package cn.gongfu.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo document the application loads, read independently so tests compare the API against its source. */
public final class DemoFacts {

    public static final JsonNode DEMO = read();

    private DemoFacts() {}

    /** The region of the demo district, 青溪区, whose plan the demo loads. */
    public static final String DEMO_REGION = "330299";

    /** The id of the demo plan: the first plan of the demo region (tests may add later ones). */
    public static long demoPlanId(JdbcClient jdbc) {
        return jdbc.sql("select min(id) from plan where region_code = :r").param("r", DEMO_REGION).query(Long.class).single();
    }

    public static JsonNode plan() {
        return DEMO.get("plan");
    }

    public static int count(String field) {
        return plan().get(field).size();
    }

    private static JsonNode read() {
        try (InputStream in = new ClassPathResource("demo/qingxi-plan.json").getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
