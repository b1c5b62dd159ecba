package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ExtractionJsonTest {

    @Test
    @SuppressWarnings("unchecked")
    void contractShapeWithOmittedFieldsAndPlainNumbers() {
        ParsedDocument doc = new DocumentParser().parse("sample.txt", SampleDocumentsTest.resource("qingxi_action_plan.txt"));
        String json = ExtractionJson.write(doc);
        Map<String, Object> m = JsonMapper.builder().build().readValue(json, Map.class);
        assertThat(m).containsKeys("source", "title", "period", "sections", "tasks", "indicators", "findings");
        assertThat((Map<String, Object>) m.get("period")).containsEntry("from", 2021).containsEntry("to", 2025);
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) m.get("tasks");
        Map<String, Object> first = tasks.get(0);
        assertThat(first).containsEntry("list", "main").containsEntry("code", "21").containsKeys("sectionId", "group", "leadUnits",
                "targets", "columns", "milestones");
        List<Map<String, Object>> targets = (List<Map<String, Object>>) first.get("targets");
        assertThat(targets.get(0)).containsEntry("comparator", "ge").containsEntry("value", 4.5).containsEntry("unit", "个")
                .containsEntry("year", 2025).doesNotContainKeys("min", "max", "implied");
        assertThat(json).doesNotContain("E+").doesNotContain("\"value\" : null");
        Map<String, Object> assigned = tasks.stream().flatMap(t -> ((List<Map<String, Object>>) t.get("targets")).stream())
                .filter(t -> "assigned".equals(t.get("comparator"))).findFirst().orElseThrow();
        assertThat(assigned).doesNotContainKeys("value", "unit");
    }

    @Test
    void numbersArePlain() {
        assertThat(ExtractionJson.number(new BigDecimal("500"))).isEqualTo(500L);
        assertThat(ExtractionJson.number(new BigDecimal("10.0"))).isEqualTo(10L);
        assertThat(ExtractionJson.number(new BigDecimal("0.006"))).isEqualTo(0.006);
    }
}
