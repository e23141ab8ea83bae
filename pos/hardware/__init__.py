"""Counter devices: receipt rendering to ESC/POS, printers, drawer, scanner (issue 4)."""
