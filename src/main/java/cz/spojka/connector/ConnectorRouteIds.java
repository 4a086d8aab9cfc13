package cz.spojka.connector;

import org.apache.camel.NamedNode;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.NodeIdFactory;

/**
 * Names every connector's route {@code connector-<id>} when Camel creates it, instead of the hub giving the id when it
 * adds the route. Camel treats a route added with an id as a possible replacement: it first removes any route of that
 * id, and to do so walks the endpoints of every route already running — so adding 6,254 routes one by one took ~270 s
 * of CPU, growing with the square of their number. A route added without an id skips that, and gets its name here.
 */
final class ConnectorRouteIds implements NodeIdFactory {

    private final NodeIdFactory camelIds;

    ConnectorRouteIds(NodeIdFactory camelIds) {
        this.camelIds = camelIds;
    }

    @Override
    public String createId(NamedNode definition) {
        if (definition instanceof RouteDefinition route && route.getTemplateParameters() != null) {
            Object connectorId = route.getTemplateParameters().get(RouteTemplates.CONNECTOR_ID);
            if (connectorId != null) {
                return "connector-" + connectorId;
            }
        }
        return camelIds.createId(definition);
    }
}
