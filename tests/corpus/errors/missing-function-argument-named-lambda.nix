let mkThing = { required }: required; in mkThing { }
