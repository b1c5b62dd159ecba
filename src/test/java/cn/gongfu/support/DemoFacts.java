package cn.gongfu.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo document the application loads, read independently so tests compare the API against its source. */
public final class DemoFacts {

    public static final JsonNode DEMO = read();

    private DemoFacts() {}

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
