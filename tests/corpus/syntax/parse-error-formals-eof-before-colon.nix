{ x, y }
