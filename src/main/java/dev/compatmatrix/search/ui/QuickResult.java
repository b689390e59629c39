package dev.compatmatrix.search.ui;

/**
 * One line of the quick search: its kind ("Model", "Family", "Platform", "Screen"), its name, a short detail, and
 * what choosing it does.
 */
record QuickResult(String kind, String name, String detail, Runnable open) {}
