package dev.tracelane.bench;

/**
 * Where a bench's shipment {@code i} sets off: a grid of 0.1-degree steps from 30 N, 100 W, a hundred to a row,
 * so thousands of trucks stay apart on a map and every run lays them out alike.
 */
record Origin(double lat, double lon) {
    static Origin of(int i) {
        return new Origin(30 + (i % 100) * 0.1, -100 + (i / 100) * 0.1);
    }
}
