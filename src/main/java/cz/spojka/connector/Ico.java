package cz.spojka.connector;

/** The Czech company identification number (IČO): 8 digits, the last a mod-11 check digit. */
public final class Ico {

    private Ico() {}

    /** @param ico 8 digits */
    public static boolean valid(String ico) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (ico.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 10;
        return check == ico.charAt(7) - '0';
    }
}
