package com.example;

import example.lib.OffHeapTable;

public final class App {
    private App() {
    }

    public static void main(String[] args) {
        System.out.println("stored: " + OffHeapTable.rememberInNativeMemory(new byte[16]));
    }
}
