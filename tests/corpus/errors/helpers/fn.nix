{ needed }: needed
