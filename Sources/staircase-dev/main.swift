import StaircaseDevTools

StaircaseDev.main()
