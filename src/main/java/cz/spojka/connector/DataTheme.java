package cz.spojka.connector;

import java.util.Arrays;
import java.util.List;

/**
 * The themes of the EU data-theme authority table, which DCAT-AP-CZ requires of every dataset ({@code téma}). A
 * connector names them by code ({@code dataset.catalog.themes: [GOVE]}); the concepts with their Czech and English
 * labels are published from {@code vocab/codelists/eu-data-theme.ttl}, which a test keeps equal to this list.
 */
public enum DataTheme {
    AGRI,
    ECON,
    EDUC,
    ENER,
    ENVI,
    GOVE,
    HEAL,
    INTR,
    JUST,
    OP_DATPRO,
    REGI,
    SOCI,
    TECH,
    TRAN;

    public static final String SCHEME = "http://publications.europa.eu/resource/authority/data-theme";

    public String iri() {
        return SCHEME + "/" + name();
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
