package org.skyfleet.fleet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.skyfleet.planner.geo.GeoPoint;

/** The {@code assignment.route} column's text: every route reads back exactly; a bad row names its assignment. */
class RouteTextTest {

    @Property
    void everyRouteReadsBackBitForBit(@ForAll("routes") List<GeoPoint> route) {
        assertThat(RouteText.parse(RouteText.of(route), "asg-1")).isEqualTo(route);
    }

    @Example
    void noRouteIsNoText() {
        assertThat(RouteText.of(List.of())).isNull();
        assertThat(RouteText.parse(null, "asg-1")).isEmpty();
        assertThat(RouteText.parse(" ", "asg-1")).isEmpty();
    }

    @Example
    void anUnreadableRowNamesItsAssignment() {
        assertThatThrownBy(() -> RouteText.parse("29.98 122.2,29.99", "asg-7"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("asg-7").hasMessageContaining("29.99");
        assertThatThrownBy(() -> RouteText.parse("29.98 east", "asg-8")).hasMessageContaining("asg-8");
    }

    @Provide
    Arbitrary<List<GeoPoint>> routes() {
        Arbitrary<GeoPoint> p = Combinators.combine(Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180))
                .as(GeoPoint::new);
        return p.list().ofMinSize(1).ofMaxSize(50);
    }
}
