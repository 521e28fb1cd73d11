package io.credbridge.award;

import io.credbridge.identity.ParkedEvent;
import io.credbridge.identity.ParkedEventHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/** The award stage's side of releasing parked events: once their learner can be mapped, they are applied. */
@Component
class ParkedEventReevaluation implements ParkedEventHandler {

    private final AwardStage stage;

    ParkedEventReevaluation(AwardStage stage) {
        this.stage = stage;
    }

    @Override
    public void reevaluate(List<ParkedEvent> released) {
        stage.applyReleased(released);
    }
}
