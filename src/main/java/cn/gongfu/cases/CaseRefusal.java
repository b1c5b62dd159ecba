package cn.gongfu.cases;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A step that does not apply to the case as it is now (submitting a selected case, publishing a draft): 409. */
public class CaseRefusal extends ProblemException {

    private final long caseId;

    CaseRefusal(String type, long caseId) {
        super(HttpStatus.CONFLICT, type, BundleText.both("problem." + type));
        this.caseId = caseId;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("case", caseId);
    }
}
