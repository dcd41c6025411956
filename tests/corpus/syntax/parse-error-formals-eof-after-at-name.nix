{ x } @ args
