package cz.spojka.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StreamPositionTest {

    @Test
    void theIdNamesTheNextOffsetOfEveryPartitionAndReadsBack() {
        StreamPosition position = StreamPosition.parse("0:120,1:98,2:131").after(1, 98);

        assertThat(position.id()).isEqualTo("0:120,1:99,2:131");
        assertThat(StreamPosition.parse(position.id())).isEqualTo(position);
        assertThat(position.next(2)).isEqualTo(131);
        assertThat(position.next(7))
                .as("a partition not named: from the beginning")
                .isZero();
    }

    @Test
    void aPositionIsNeverPastWhatTheLogHolds() {
        StreamPosition live = StreamPosition.parse("0:10,1:20,2:30");

        assertThat(StreamPosition.parse("0:12,1:5").notPast(live).id()).isEqualTo("0:10,1:5,2:0");
    }

    @Test
    void anIdThatIsNotOneOfTheStreamsIsRefusedWithTheReason() {
        for (String id : new String[] {"0:12,x", "0:12,0:13", "12", "0:1:2", ""}) {
            assertThatThrownBy(() -> StreamPosition.parse(id))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + id + "' is not an event id of this stream (partition:offset pairs,"
                            + " comma-separated, e.g. 0:120,1:98,2:131)");
        }
        assertThatThrownBy(() -> StreamPosition.parse("0:-1"))
                .hasMessage("'0:-1' names a negative partition or offset");
    }

    @Test
    void partitionsAreInOrderWhateverOrderTheyCameIn() {
        TreeMap<Integer, Long> next = new TreeMap<>();
        next.put(2, 5L);
        next.put(0, 7L);

        assertThat(new StreamPosition(next).id()).isEqualTo("0:7,2:5");
        assertThat(StreamPosition.parse("2:5,0:7").id()).isEqualTo("0:7,2:5");
    }
}
