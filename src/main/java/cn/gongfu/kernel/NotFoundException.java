package cn.gongfu.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A requested resource does not exist; rendered as a 404 problem (API) or a 404 page (UI). */
public class NotFoundException extends ProblemException {

    private final String resource;
    private final Object id;

    public NotFoundException(String resource, Object id) {
        super(HttpStatus.NOT_FOUND, "not-found", resource + " " + id + " not found");
        this.resource = resource;
        this.id = id;
    }

    public String resource() {
        return resource;
    }

    public Object id() {
        return id;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("resource", resource);
        p.put("id", String.valueOf(id));
        return p;
    }
}
