package dev.tracelane.model.builtin;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A follow-up ("why?") is about the shipment last talked about, a proactive alert's included. */
class DialogueTest {
    @Test
    void theLatestAlertsShipmentIsTheOneAFollowUpIsAbout() {
        Dialogue dialogue = new Dialogue(List.of(
                UserMessage.from("is FROST-200 warm?"),
                AiMessage.from("Alert: FROST-200 temperature above 8 °C for 20 min"),
                AiMessage.from("Alert: R-4 left its planned route 1.2 km ago near Joliet, IL")));
        assertThat(dialogue.lastReference()).contains("R-4");
    }

    @Test
    void theHelpTextsExampleIsNoShipmentToFollowUpOn() {
        Dialogue dialogue = new Dialogue(List.of(
                UserMessage.from("where is SHP-1003?"),
                UserMessage.from("where's my load?"),
                AiMessage.from("Which shipment do you mean? Tell me its reference, for example SHP-1042.")));
        assertThat(dialogue.lastReference()).contains("SHP-1003");
    }
}
